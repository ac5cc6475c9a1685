package io.socialdesk.server;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends java.util.logging (Jersey, Jetty's JUL parts, System.Logger) to the one SLF4J log. */
final class Logging {
    private Logging() {}

    static void routeJulToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
