package dev.kioku.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** The launcher ({@code bin/kioku-java}) as tests run it: from a copy of the project, waited for until it answers. */
final class LauncherStarts {
    private LauncherStarts() {
    }

    /**
     * Copies the launcher scripts and the built jar (its time kept) into {@code root}, laid out as in the project,
     * so the launcher's caches and their clean-up happen there and not in the project's own {@code target}.
     *
     * @return the jar that was copied
     */
    static Path copyLauncherAndJar(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("target"));
        for (String script : List.of("kioku-java", "java-env.sh")) {
            Path copy = root.resolve("bin").resolve(script);
            Files.copy(Path.of("bin", script), copy);
            copy.toFile().setExecutable(true);
        }
        Path jar = Path.of(System.getProperty("kioku.jar", "target/kioku.jar"));
        Files.copy(jar, root.resolve("target/kioku.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        return jar;
    }

    /**
     * Returns once {@code /} on the port answers 200 and the start line has had time to be logged.
     *
     * @throws IllegalStateException with the process's output when it exits first or takes over three minutes
     */
    static void awaitHome(Process p, int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("kioku exited early:\n" + Files.readString(log));
            if (System.nanoTime() > deadline) throw new IllegalStateException("no 200 within 3 minutes:\n" + Files.readString(log));
            try {
                var home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (home.statusCode() == 200) break;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        Thread.sleep(200); // the start line is logged just after the port opens
    }
}
