package io.socialdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of Social Desk. */
public final class SocialDesk {
    /** Read once: the health endpoint asks for it on every poll. */
    private static final String VERSION = readVersion();

    private SocialDesk() {}

    /** The version Maven stamped into the build, or "development" when run from an IDE without it. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = SocialDesk.class.getResourceAsStream("version.properties")) {
            if (in == null) return "development";
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "development");
            return version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }
}
