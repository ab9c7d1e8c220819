package dev.kioku.config;

import java.nio.file.Path;
import java.security.KeyStore;

/**
 * The certificate HTTPS is served with: either PEM files (what certbot writes: {@code fullchain.pem} and
 * {@code privkey.pem}) or a PKCS#12 keystore. Without either, HTTPS is off and {@link #NONE} stands in.
 *
 * @param cert             PEM certificate chain, the site's certificate first; or null
 * @param key              PEM private key of that certificate; or null
 * @param keystore         PKCS#12 file holding key and chain; or null
 * @param keystorePassword the keystore's password; null for none; never logged
 * @param port             HTTPS port; 0 picks a free one (tests)
 */
public record Tls(Path cert, Path key, Path keystore, String keystorePassword, int port) {
    /** The HTTPS port used when a certificate is configured and no port is given. */
    public static final int DEFAULT_PORT = 8443;
    /** The password of the keystore {@link #keyStore()} returns; it lives in memory only. */
    public static final String IN_MEMORY_PASSWORD = "kioku";
    /** HTTPS off. */
    public static final Tls NONE = new Tls(null, null, null, null, DEFAULT_PORT);

    public Tls {
        if (port < 0 || port > 65535) throw new ConfigException("https-port", "must be from 0 to 65535, got " + port);
        if (cert != null && key == null) throw new ConfigException("tls.key", "is required with tls.cert (the private key file, privkey.pem)");
        if (key != null && cert == null) throw new ConfigException("tls.cert", "is required with tls.key (the certificate chain file, fullchain.pem)");
        if (keystore != null && cert != null) throw new ConfigException("tls.keystore", "cannot be used together with tls.cert and tls.key: set one or the other");
        if (keystorePassword != null && keystore == null) throw new ConfigException("tls.keystore-password", "is set but tls.keystore is not");
    }

    /** PEM files, the usual case. */
    public static Tls pem(Path cert, Path key, int port) {
        return new Tls(cert, key, null, null, port);
    }

    /** True when a certificate is configured and HTTPS is served. */
    public boolean enabled() {
        return cert != null || keystore != null;
    }

    /**
     * Reads the certificate and key, and checks that they belong together.
     *
     * @return a keystore holding one key entry with its chain, protected by {@link #IN_MEMORY_PASSWORD}
     * @throws ConfigException naming the setting and file when one cannot be read or used
     * @throws IllegalStateException when HTTPS is not {@linkplain #enabled() enabled}
     */
    public KeyStore keyStore() {
        if (!enabled()) throw new IllegalStateException("no certificate configured");
        return keystore != null ? PemKeys.fromPkcs12(keystore, keystorePassword) : PemKeys.fromPem(cert, key);
    }

    @Override
    public String toString() {
        return "Tls[cert=" + cert + ", key=" + key + ", keystore=" + keystore + ", keystorePassword="
                + (keystorePassword == null ? "unset" : "****") + ", port=" + port + "]";
    }
}
