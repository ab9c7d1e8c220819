package dev.kioku.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1} made by the JDK's own keytool, written as certbot would
 * write it ({@code fullchain.pem} and a PKCS#8 {@code privkey.pem}) and as a PKCS#12 keystore, with an HTTP client that
 * trusts exactly this certificate.
 */
public final class SelfSignedCert {
    public static final String KEYSTORE_PASSWORD = "test-password";
    public final Path fullchain;
    public final Path privkey;
    public final Path keystore;
    public final X509Certificate certificate;
    public final PrivateKey key;

    private SelfSignedCert(Path dir, String keyalg) {
        try {
            Files.createDirectories(dir);
            this.keystore = dir.resolve("kioku.p12");
            List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "kioku", "-keyalg", keyalg, "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD));
            if (keyalg.equals("EC")) cmd.addAll(List.of("-groupname", "secp256r1"));
            if (keyalg.equals("RSA")) cmd.addAll(List.of("-keysize", "2048"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException("keytool failed:\n" + out);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, KEYSTORE_PASSWORD.toCharArray());
            }
            this.certificate = (X509Certificate) ks.getCertificate("kioku");
            this.key = (PrivateKey) ks.getKey("kioku", KEYSTORE_PASSWORD.toCharArray());
            this.fullchain = write(dir.resolve("fullchain.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            this.privkey = write(dir.resolve("privkey.pem"), pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An EC P-256 certificate (what certbot makes by default) in {@code dir}. */
    public static SelfSignedCert ec(Path dir) {
        return new SelfSignedCert(dir, "EC");
    }

    /** An RSA 2048 certificate in {@code dir}. */
    public static SelfSignedCert rsa(Path dir) {
        return new SelfSignedCert(dir, "RSA");
    }

    /** One PEM block, 64 characters a line. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** An HTTP client speaking {@code version} first that trusts this certificate only and follows no redirects. */
    public HttpClient client(HttpClient.Version version) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("kioku", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().version(version).sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
