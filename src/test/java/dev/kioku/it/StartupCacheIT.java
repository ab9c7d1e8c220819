package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache, run as a user runs it: {@code bin/kioku-java} from a copy of the project's
 * launcher and built jar. The cache is named for the jar's checksum, another build's cache is removed, a start
 * maps it, and a damaged cache never stops the blog from starting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupCacheIT {
    @TempDir
    static Path root;

    @TempDir
    Path data;

    private static String jarSum;

    @BeforeAll
    static void copyTheLauncherAndJar() throws Exception {
        Path jar = LauncherStarts.copyLauncherAndJar(root);
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            jarSum = HexFormat.of().formatHex(sha.digest());
        }
    }

    @Test
    @Order(1)
    void the_cache_is_named_for_the_jars_checksum_and_another_builds_cache_is_removed() throws Exception {
        Path old = root.resolve("target/kioku-" + "0".repeat(64) + "-000000000000.aot");
        Files.writeString(old, "the cache of an earlier build");
        Path oldNative = Files.createDirectories(root.resolve("target/kioku-" + "0".repeat(64) + "-000000000000.native"));
        Files.writeString(oldNative.resolve(System.mapLibraryName("sqlitejdbc")), "an earlier build's library");

        Result prepared = launcher(List.of("--prepare-cache"));

        assertEquals(0, prepared.exit(), prepared.output());
        List<String> caches = caches();
        assertEquals(1, caches.size(), caches.toString());
        assertTrue(caches.getFirst().startsWith("kioku-" + jarSum + "-"), caches.toString());
        assertFalse(Files.exists(old), "another build's cache is gone");
        assertFalse(Files.exists(oldNative), "another build's native library is gone");
        Path kept = root.resolve("target").resolve(caches().getFirst().replace(".aot", ".native"));
        assertTrue(Files.size(kept.resolve(System.mapLibraryName("sqlitejdbc"))) > 100_000, "SQLite's library is kept beside the cache");
    }

    @Test
    @Order(2)
    void a_start_maps_the_cache() throws Exception {
        String log = serveUntilHome();

        assertTrue(log.contains("with the start-up cache"), log);
        assertFalse(log.contains("making the start-up cache"), "made once, not again:\n" + log);
    }

    @Test
    @Order(3)
    void a_damaged_cache_is_dropped_in_one_line_and_the_blog_starts_without_it() throws Exception {
        Path cache = root.resolve("target").resolve(caches().getFirst());
        Files.write(cache, new byte[4096]);

        String first = serveUntilHome();
        String second = serveUntilHome();

        assertEquals(1, first.lines().filter(l -> l.contains("could not be used")).count(), first);
        assertFalse(first.contains("with the start-up cache"), first);
        assertFalse(Files.exists(cache), "the damaged file is removed");
        assertTrue(Files.exists(cache.resolveSibling(cache.getFileName() + ".failed")));
        assertFalse(second.contains("could not be used"), "said once:\n" + second);
        assertFalse(second.contains("making the start-up cache"), "not made again for this build:\n" + second);
    }

    private static List<String> caches() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("target"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".aot")).toList();
        }
    }

    /** Starts {@code bin/kioku-java serve}, waits for the home page's 200, stops it; returns everything it printed. */
    private String serveUntilHome() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile(data, "serve", ".log");
        Process p = builder(List.of("serve", "--port", Integer.toString(port), "--data", data.toString()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            LauncherStarts.awaitHome(p, port, log);
        } finally {
            p.destroy();
            p.waitFor();
        }
        return Files.readString(log);
    }

    private record Result(int exit, String output) {
    }

    private static Result launcher(List<String> args) throws Exception {
        Process p = builder(args).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static ProcessBuilder builder(List<String> args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("bin/kioku-java").toString()));
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = b.environment();
        // a developer's own settings (KIOKU_DB_URL, KIOKU_JAVA_OPTS) must not reach the test; the JDK running the test is used
        env.keySet().removeIf(name -> name.startsWith("KIOKU_"));
        env.put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString());
        return b;
    }
}
