package io.socialdesk.web.page;

import io.socialdesk.core.inbox.routing.RoutingWhy;
import java.util.List;

/** A route's {@code why} in the viewer's language: each reason the router wrote, through the bundles; any other text as it is. */
public final class RoutingWhyText {
    /** The host's bundles: Jira's {@code I18nResolver}, the server's {@code BundleI18n}, {@link io.socialdesk.web.i18n.Messages}. */
    @FunctionalInterface
    public interface Texts {
        String text(String key, Object[] args);
    }

    private RoutingWhyText() {
    }

    public static List<String> localise(List<String> why, Texts texts) {
        return why.stream().map(w -> RoutingWhy.reason(w).map(r -> texts.text(r.key(), r.args().toArray())).orElse(w)).toList();
    }
}
