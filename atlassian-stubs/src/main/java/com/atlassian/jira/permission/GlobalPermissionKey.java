// Checked against: https://docs.atlassian.com/jira/latest/com/atlassian/jira/permission/GlobalPermissionKey.html
package com.atlassian.jira.permission;

import java.util.Objects;

public final class GlobalPermissionKey {
    public static final GlobalPermissionKey ADMINISTER = new GlobalPermissionKey("ADMINISTER");
    public static final GlobalPermissionKey SYSTEM_ADMIN = new GlobalPermissionKey("SYSTEM_ADMIN");

    private final String key;

    private GlobalPermissionKey(String key) { this.key = Objects.requireNonNull(key); }

    public static GlobalPermissionKey of(String key) { return new GlobalPermissionKey(key); }

    public String getKey() { return key; }

    @Override public boolean equals(Object o) { return o instanceof GlobalPermissionKey other && other.key.equals(key); }
    @Override public int hashCode() { return key.hashCode(); }
    @Override public String toString() { return key; }
}
