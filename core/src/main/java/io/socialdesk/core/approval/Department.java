package io.socialdesk.core.approval;

import io.socialdesk.core.user.Role;

/** A department whose approval a post may need. Marketing always approves; Legal and HR when flagged or when the content rules match. */
public enum Department {
    MARKETING(Role.MARKETING_LEAD),
    LEGAL(Role.LEGAL),
    HR(Role.HR);

    private final Role defaultRole;

    Department(Role defaultRole) {
        this.defaultRole = defaultRole;
    }

    /** The role whose holders approve for this department unless the policy names a group. */
    public Role defaultRole() {
        return defaultRole;
    }
}
