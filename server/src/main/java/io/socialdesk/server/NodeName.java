package io.socialdesk.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this node gives itself in leases and heartbeats: host name and process id. */
public final class NodeName {
    private NodeName() {}

    public static String of() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
