package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory settings {@code bin/kioku-java} starts a server with (issue 8: resident memory under 256 MB serving
 * 10,000 posts), read from the running process as the kernel sees it: a 112 MB heap whose page cache is a fifth
 * of it, glibc held to two malloc arenas, native memory trimmed every second; and a user's {@code KIOKU_JAVA_OPTS}
 * replacing all of the JVM options. Started without the start-up cache (that is {@link StartupCacheIT}'s part).
 */
class LauncherMemoryIT {
    private static final Pattern START_LINE = Pattern.compile("page cache (\\d+) MB of a (\\d+) MB heap");

    @TempDir
    static Path root;

    @TempDir
    Path data;

    @BeforeAll
    static void copyTheLauncherAndJar() throws IOException {
        LauncherStarts.copyLauncherAndJar(root);
    }

    @Test
    void the_server_runs_in_a_112_mb_heap_with_two_malloc_arenas_and_native_memory_trimmed() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the process from /proc (Linux)");

        Served served = serve(Map.of());

        Matcher start = START_LINE.matcher(served.log());
        assertTrue(start.find(), served.log());
        int heapMb = Integer.parseInt(start.group(2));
        assertTrue(heapMb > 96 && heapMb <= 112, "heap " + heapMb + " MB:\n" + served.log());
        int pageCacheMb = Integer.parseInt(start.group(1));
        assertTrue(Math.abs(pageCacheMb - heapMb / 5) <= 1, "the page cache is a fifth of the heap:\n" + served.log());
        assertTrue(served.command().containsAll(List.of("-Xmx112m", "-Xmn32m", "-XX:+UseSerialGC")), served.command().toString());
        if (Runtime.version().feature() >= 22) {
            assertTrue(served.command().contains("-XX:TrimNativeHeapInterval=1000"), served.command().toString());
        }
        assertTrue(served.environment().contains("MALLOC_ARENA_MAX=2"), "MALLOC_ARENA_MAX is not 2");
    }

    @Test
    void kioku_java_opts_replaces_every_jvm_option() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the process from /proc (Linux)");

        Served served = serve(Map.of("KIOKU_JAVA_OPTS", "-Xmx128m -XX:+UseSerialGC"));

        Matcher start = START_LINE.matcher(served.log());
        assertTrue(start.find(), served.log());
        int heapMb = Integer.parseInt(start.group(2));
        assertTrue(heapMb > 112 && heapMb <= 128, "heap " + heapMb + " MB, not the default's:\n" + served.log());
        assertTrue(served.command().contains("-Xmx128m"), served.command().toString());
        assertFalse(served.command().stream().anyMatch(a -> a.startsWith("-Xmn") || a.startsWith("-XX:TrimNativeHeapInterval")),
                served.command().toString());
    }

    private record Served(String log, List<String> command, List<String> environment) {
    }

    /** Starts {@code bin/kioku-java serve}, waits for the home page's 200, reads the process, stops it. */
    private Served serve(Map<String, String> settings) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile(data, "serve", ".log");
        ProcessBuilder b = new ProcessBuilder(root.resolve("bin/kioku-java").toString(), "serve", "--port", Integer.toString(port),
                "--data", data.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // a developer's own settings (KIOKU_JAVA_OPTS, MALLOC_ARENA_MAX) must not reach the test; the JDK running it is used
        b.environment().keySet().removeIf(name -> name.startsWith("KIOKU_") || name.startsWith("MALLOC_"));
        b.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString());
        b.environment().put("KIOKU_AOT", "0");
        b.environment().putAll(settings);
        Process p = b.start();
        try {
            LauncherStarts.awaitHome(p, port, log);
            // the launcher execs java: the process started is the JVM itself
            Path proc = Path.of("/proc", Long.toString(p.pid()));
            return new Served(Files.readString(log), nulSeparated(proc.resolve("cmdline")), nulSeparated(proc.resolve("environ")));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
    }
}
