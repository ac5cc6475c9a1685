package io.socialdesk.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidiControlsTest {
    @Test
    void overridesAndIsolatesBecomeVisibleWhileEmojiJoinersStay() {
        assertThat(BidiControls.reveal("pay \u202Eevil\u202C now")).isEqualTo("pay [U+202E]evil[U+202C] now");
        assertThat(BidiControls.reveal("\u2066x\u2069")).isEqualTo("[U+2066]x[U+2069]");
        assertThat(BidiControls.reveal("👩\u200D💻 שלום")).isEqualTo("👩\u200D💻 שלום");
    }
}
