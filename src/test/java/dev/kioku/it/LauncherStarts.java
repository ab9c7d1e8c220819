package dev.kioku.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waiting for a {@code bin/kioku-java serve} process started by a test to answer its home page. */
final class LauncherStarts {
    private LauncherStarts() {
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
