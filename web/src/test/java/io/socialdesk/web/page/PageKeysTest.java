package io.socialdesk.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.ApproverQuorum;
import io.socialdesk.core.approval.ContentDiff;
import io.socialdesk.core.approval.ContentRule;
import io.socialdesk.core.approval.Decision;
import io.socialdesk.core.approval.Department;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.user.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The i18n keys the review panel and the policy page build from enums exist, in English and French, for every value. */
class PageKeysTest {
    @Test
    void everyBuiltKeyHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (Action a : Action.values()) keys.add("socialdesk.action." + a.slug());
        for (AuditKind k : AuditKind.values()) keys.add("socialdesk.audit.kind." + lower(k));
        for (Department d : Department.values()) keys.add("socialdesk.department." + lower(d));
        for (Role r : Role.values()) keys.add("socialdesk.role." + lower(r));
        for (ApproverQuorum.Kind q : ApproverQuorum.Kind.values()) {
            keys.add("socialdesk.review.quorum." + lower(q));
            keys.add("socialdesk.policy.quorum." + lower(q));
        }
        for (Decision.Kind k : Decision.Kind.values()) keys.add("socialdesk.review.decision." + lower(k));
        for (ContentDiff.Change c : ContentDiff.Change.values()) keys.add("socialdesk.review.change." + lower(c));
        for (ContentRule.Kind k : ContentRule.Kind.values()) keys.add("socialdesk.policy.kind." + lower(k));
        for (io.socialdesk.core.publish.PublishingQueue.Bucket b : io.socialdesk.core.publish.PublishingQueue.Bucket.values()) {
            keys.add("socialdesk.queue.bucket." + b.slug());
        }
        for (io.socialdesk.core.publish.DeliveryState s : io.socialdesk.core.publish.DeliveryState.values()) keys.add("socialdesk.queue.state." + lower(s));
        for (io.socialdesk.core.channel.Stream s : io.socialdesk.core.channel.Stream.values()) keys.add("socialdesk.routing.stream." + lower(s));
        for (io.socialdesk.core.inbox.Triage.Sentiment s : io.socialdesk.core.inbox.Triage.Sentiment.values()) keys.add("socialdesk.routing.sentiment." + lower(s));
        for (io.socialdesk.core.inbox.Triage.Urgency u : io.socialdesk.core.inbox.Triage.Urgency.values()) keys.add("socialdesk.routing.urgency." + lower(u));
        for (String bundle : List.of("socialdesk.properties", "socialdesk_fr.properties")) {
            assertThat(load("io/socialdesk/web/i18n/" + bundle).stringPropertyNames()).as(bundle).containsAll(keys);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Properties load(String resource) {
        try (InputStream in = PageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
