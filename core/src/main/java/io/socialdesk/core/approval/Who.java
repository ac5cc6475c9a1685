package io.socialdesk.core.approval;

import io.socialdesk.core.user.Role;
import java.util.Set;

/**
 * The kinds of party a transition names in its "who may" column. A person qualifies when any one
 * of the transition's parties matches; {@link #REVIEWER} additionally never matches an author of
 * the current version (separation of duties).
 */
public enum Who {
    /** An author of the post (its creator, or anyone who has edited it). */
    AUTHOR("the post's author"),
    /** Anyone who writes posts: the Marketing author or Marketing lead role. */
    MARKETING("a Marketing author or lead"),
    /** The Marketing lead role. */
    LEAD("a Marketing lead"),
    /** A person holding an approving role (Marketing lead, Legal, HR) who is not an author of this version. */
    REVIEWER("a reviewer (Marketing lead, Legal or HR) who is not an author"),
    /** A person holding Legal or HR (who may edit in review; the edit makes them an author of that version). */
    LEGAL_OR_HR("Legal or HR"),
    /** The administrator role. */
    ADMIN("an administrator"),
    /** The publishing engine, never a person. */
    SYSTEM("the publishing engine");

    private final String label;

    Who(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this party matches the actor, ignoring separation of duties (see {@link PostWorkflow}). */
    boolean matches(Actor actor, boolean isAuthor) {
        if (this == SYSTEM) return actor.system();
        if (actor.system()) return false;
        return switch (this) {
            case AUTHOR -> isAuthor;
            case MARKETING -> actor.has(Role.MARKETING_AUTHOR) || actor.has(Role.MARKETING_LEAD);
            case LEAD -> actor.has(Role.MARKETING_LEAD);
            case REVIEWER -> !isAuthor && APPROVING_ROLES.stream().anyMatch(actor::has);
            case LEGAL_OR_HR -> actor.has(Role.LEGAL) || actor.has(Role.HR);
            case ADMIN -> actor.has(Role.ADMIN);
            case SYSTEM -> false;
        };
    }

    /** The roles that can approve for some department. */
    public static final Set<Role> APPROVING_ROLES = Set.of(Role.MARKETING_LEAD, Role.LEGAL, Role.HR);
}
