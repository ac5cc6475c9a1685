package io.socialdesk.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything this JVM logs while it is open, as the server logs it (java.util.logging and System.Logger routed to
 * SLF4J, which prints to the standard streams), plus every java.util.logging record at any level, down to FINEST.
 */
final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final StringBuffer records = new StringBuffer();
    private final PrintStream err = System.err;
    private final PrintStream out = System.out;
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(' ').append(r.getMessage());
            if (r.getParameters() != null) for (Object p : r.getParameters()) records.append(" | ").append(p);
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) records.append(" | ").append(t);
            records.append('\n');
        }

        @Override public void flush() {}
        @Override public void close() {}
    };

    LogCapture() {
        Logging.routeJulToSlf4j();
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setErr(new PrintStream(new Tee(err, streams), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(out, streams), true, StandardCharsets.UTF_8));
    }

    /** All that was logged so far. */
    String text() {
        System.err.flush();
        System.out.flush();
        return streams.toString(StandardCharsets.UTF_8) + "\n" + records;
    }

    @Override
    public void close() {
        System.setErr(err);
        System.setOut(out);
        root.removeHandler(handler);
        root.setLevel(rootLevel == null ? Level.INFO : rootLevel);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
