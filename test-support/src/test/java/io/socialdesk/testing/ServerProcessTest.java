package io.socialdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path tmp;

    /** A runnable jar holding only {@link SleepyServer}. */
    private Path sleepyJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SleepyServer.class.getName());
        Path jar = tmp.resolve("sleepy.jar");
        String entry = SleepyServer.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var in = SleepyServer.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void startsAJarWaitsForItsUrlAndKillsItOnClose() throws Exception {
        Path log = tmp.resolve("logs/server.log");
        ServerProcess server = ServerProcess.jar(sleepyJar())
                .jvmArgs("-Xmx64m")
                .readyWhen("listening on (http://\\S+)")
                .log(log)
                .timeout(Duration.ofSeconds(30))
                .start();
        try (server) {
            String url = server.readyMatch().group(1);
            assertThat(url).startsWith("http://127.0.0.1:");
            int port = java.net.URI.create(url).getPort();
            assertThat(FreePort.isListening(port)).isTrue();
            assertThat(server.isAlive()).isTrue();
            assertThat(server.awaitLine("warning on stderr", Duration.ofSeconds(5)).group()).isEqualTo("warning on stderr");
        }
        assertThat(server.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("starting...", "listening on http://", "a warning on stderr");
        server.close(); // idempotent
    }

    @Test
    void reportsTheOutputWhenTheProcessExitsBeforeItIsReady() throws Exception {
        assertThatThrownBy(() -> ServerProcess.jar(sleepyJar()).args("fail").readyWhen("listening").log(tmp.resolve("f.log")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited (code 3)")
                .hasMessageContaining("boom: cannot start");
    }

    @Test
    void givesUpAfterTheTimeoutAndStopsTheProcess() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ServerProcess.mainClass(SleepyServer.class.getName(), System.getProperty("java.class.path"))
                .args("silent").readyWhen("listening").timeout(Duration.ofSeconds(2)).log(tmp.resolve("s.log")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("within PT2S");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void runsAProgramToCompletion() {
        try (ServerProcess p = ServerProcess.mainClass(SleepyServer.class.getName(), System.getProperty("java.class.path"))
                .args("fail").log(tmp.resolve("c.log")).start()) {
            assertThat(p.waitFor(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(p.lines()).contains("boom: cannot start");
        }
    }

    @Test
    void refusesAMissingJar() {
        assertThatThrownBy(() -> ServerProcess.jar(tmp.resolve("nope.jar")).start())
                .hasMessageContaining("no jar at");
    }

    @Test
    void findsAFreePort() {
        int port = FreePort.find();
        assertThat(port).isBetween(1024, 65535);
        assertThat(FreePort.isListening(port)).isFalse();
    }

}
