package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What {@link BlueskyPeer#require()} does with and without the peer's addresses; needs no peer. */
class BlueskyPeerRequireTest {

    @Test
    void withoutThePeerATestIsSkippedLoudlyOutsideCiAndFailsInCi() {
        Map<String, String> none = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        assertThatThrownBy(() -> BlueskyPeer.require(none::get, false, warnings::add))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("SOCIALDESK_BLUESKY_PDS")
                .hasMessageContaining("peers/bluesky/install.sh && peers/bluesky/start.sh && . peers/bluesky/.run/env");
        assertThat(warnings).singleElement(as(STRING)).startsWith("SKIPPED: Bluesky end-to-end test");
        assertThatThrownBy(() -> BlueskyPeer.require(none::get, true, warnings::add))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
        assertThat(warnings).hasSize(1);

        Map<String, String> both = Map.of(BlueskyPeer.PDS_VARIABLE, "http://localhost:2583",
                BlueskyPeer.APPVIEW_VARIABLE, "http://localhost:2584");
        assertThat(BlueskyPeer.require(both::get, true, warnings::add).pds()).isEqualTo("http://localhost:2583/");
    }
}
