package io.socialdesk.testing;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A stand-in server for ServerProcessTest: no dependencies, so it can be packed alone into a jar. */
public final class SleepyServer {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("boom: cannot start");
            System.exit(3);
        }
        if (args.length > 0 && args[0].equals("silent")) {
            Thread.sleep(60_000);
            return;
        }
        System.out.println("starting...");
        System.err.println("a warning on stderr");
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("Social Desk listening on http://127.0.0.1:" + socket.getLocalPort() + "/");
            System.out.flush();
            while (true) {
                socket.accept().close();
            }
        }
    }
}
