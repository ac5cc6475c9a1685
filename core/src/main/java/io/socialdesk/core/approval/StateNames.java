package io.socialdesk.core.approval;

import io.socialdesk.core.post.PostState;
import java.util.Locale;

/** The English names people read for states, e.g. "Changes requested" (pages use the i18n bundles instead). */
public final class StateNames {
    private StateNames() {}

    public static String label(PostState state) {
        String words = state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
