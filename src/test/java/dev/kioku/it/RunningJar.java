package dev.kioku.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The built jar started as its own process, as an operator would run it. */
final class RunningJar implements AutoCloseable {
    final int port;
    final Process process;
    final Path log;
    final Duration startup;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final boolean redirectsToHttps;

    private RunningJar(Path data, Path log, List<String> extraArgs) throws IOException, InterruptedException {
        this.port = freePort();
        this.log = log;
        this.redirectsToHttps = extraArgs.contains("--tls-cert");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar().toString(), "serve",
                "--port", Integer.toString(port), "--data", data.toString()));
        cmd.addAll(extraArgs);
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // a developer's own KIOKU_DB_URL (or any setting) must not send the test to their database
        builder.environment().keySet().removeIf(name -> name.startsWith("KIOKU_"));
        this.process = builder.start();
        waitForHome();
        this.startup = Duration.ofNanos(System.nanoTime() - t0);
    }

    static RunningJar start(Path data, Path log) throws IOException, InterruptedException {
        return new RunningJar(data, log, List.of());
    }

    /** Like {@link #start(Path, Path)} with more {@code serve} flags; with a certificate, ready means the HTTP port redirects. */
    static RunningJar start(Path data, Path log, List<String> serveArgs) throws IOException, InterruptedException {
        return new RunningJar(data, log, serveArgs);
    }

    /** A free TCP port on this machine, for a flag such as {@code --https-port}. */
    static int freeTcpPort() {
        return freePort();
    }

    /**
     * Runs {@code kioku init} on a data folder as an operator would (the password on standard input), so the
     * blog has an owner who can sign in; then {@link #start} serves it.
     */
    static void init(Path data, String email, String name, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar().toString(), "init", "--data", data.toString(),
                "--email", email, "--name", name, "--password-stdin").redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("KIOKU_"));
        Process p = builder.start();
        try (var in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("kioku init failed:\n" + out);
    }

    /** Runs a {@code kioku} command (e.g. {@code import wordpress FILE --data DIR}) to its end; returns its output. */
    static String command(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("KIOKU_"));
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("kioku " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("kioku.jar", "target/kioku.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("build the jar first (mvn package): " + jar);
        return jar;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void waitForHome() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("kioku exited early:\n" + Files.readString(log));
            try {
                int status = get("/").statusCode();
                if (status == 200 || redirectsToHttps && status == 301) return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("kioku did not answer within 90 s:\n" + Files.readString(log));
    }

    /** Ends the process with SIGKILL: no shutdown hooks, no flushing. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) kill9();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
