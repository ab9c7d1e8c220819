package dev.kioku.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over TLS the socket goes to the checked address while the certificate is checked against the URL's host. */
class HttpsFetchTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    HttpsServer server;
    HttpFetcher fetcher;
    int port;

    @BeforeEach
    void start() throws Exception {
        Path store = dir.resolve("blog.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "blog", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=blog.test",
                "-ext", "SAN=dns:blog.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) throw new AssertionError("keytool failed: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body = ex.getRequestHeaders().getFirst("Host").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        port = server.getAddress().getPort();

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        HttpFetcher.Resolver everythingIsHere = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        fetcher = new HttpFetcher(Duration.ofSeconds(5), everythingIsHere, a -> Optional.empty(), clientTls.getSocketFactory());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theCertificateOfTheURLsHostIsAccepted() throws IOException {
        HttpFetcher.Response r = fetcher.get(URI.create("https://blog.test:" + port + "/"), Map.of());
        assertEquals(200, r.status());
        assertEquals("blog.test:" + port, r.body());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThrows(SSLHandshakeException.class, () -> fetcher.get(URI.create("https://other.test:" + port + "/"), Map.of()));
    }

    @Test
    void theDefaultFetcherTrustsTheJdksAuthoritiesOnly() {
        // its TLS is made at the first https fetch (not at start-up); a self-signed certificate is still refused
        HttpFetcher plain = new HttpFetcher(true, Duration.ofSeconds(5));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> plain.get(URI.create("https://localhost:" + port + "/"), Map.of()));
        assertTrue(e.getMessage().contains("PKIX"), e.getMessage());
    }
}
