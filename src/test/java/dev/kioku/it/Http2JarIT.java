package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.SelfSignedCert;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an operator runs it with certbot's files: ALPN and HPACK are found through ServiceLoader
 * files that the shade plugin must merge, so HTTP/2 is checked on the jar itself, not only on the class path.
 */
class Http2JarIT {
    @TempDir
    Path dir;

    @Test
    void the_jar_serves_http2_over_tls_and_redirects_its_http_port() throws Exception {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));
        int httpsPort = RunningJar.freeTcpPort();
        try (RunningJar kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"), List.of("--https-port",
                Integer.toString(httpsPort), "--tls-cert", cert.fullchain.toString(), "--tls-key", cert.privkey.toString()))) {
            String home = "https://127.0.0.1:" + httpsPort + "/";

            HttpResponse<String> h2 = cert.client(Version.HTTP_2).send(HttpRequest.newBuilder(URI.create(home)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            HttpResponse<String> plain = kioku.get("/about/");

            assertEquals(200, h2.statusCode());
            assertEquals(Version.HTTP_2, h2.version(), "ALPN negotiated h2");
            assertTrue(h2.body().contains("<html"), h2.body());
            assertEquals(301, plain.statusCode());
            assertEquals(home + "about/", plain.headers().firstValue("Location").orElse(null));
        }
    }
}
