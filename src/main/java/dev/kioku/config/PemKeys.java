package dev.kioku.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a certificate chain and private key from PEM files, or both from a PKCS#12 keystore, into one in-memory
 * keystore for the HTTPS connector.
 *
 * <p>Why by hand: the JDK reads PKCS#8 keys ({@code BEGIN PRIVATE KEY}) but not the "traditional" OpenSSL forms
 * ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}) that acme.sh and older certbot write. Both are the
 * same key wrapped differently, so a few bytes of DER turn them into PKCS#8; no library is needed for that.
 * Every problem becomes one {@link ConfigException} naming the setting and the file.
 */
final class PemKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PemKeys.class);
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] OID_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] OID_EC = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final String CONVERT = "convert it with: openssl pkey -in FILE -out key.pem";

    private PemKeys() {
    }

    static KeyStore fromPem(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.getFirst())) {
            throw new ConfigException("tls.key", keyFile + " is not the key of the first certificate in " + certFile
                    + " (the site's own certificate must come first, as in certbot's fullchain.pem)");
        }
        warnIfExpired(chain.getFirst(), certFile);
        return store(key, chain.toArray(Certificate[]::new));
    }

    static KeyStore fromPkcs12(Path file, String password) {
        char[] pass = password == null ? new char[0] : password.toCharArray();
        KeyStore ks;
        try (InputStream in = Files.newInputStream(readable("tls.keystore", file))) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new ConfigException(wrongPassword ? "tls.keystore-password" : "tls.keystore", wrongPassword
                    ? "does not open " + file + " (wrong password?)"
                    : file + " is not a PKCS#12 keystore (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("tls.keystore", file + " cannot be read: " + e.getMessage());
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                Key key = ks.getKey(alias, pass);
                Certificate[] chain = ks.getCertificateChain(alias);
                if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                    if (chain[0] instanceof X509Certificate x) warnIfExpired(x, file);
                    return store(pk, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException("tls.keystore-password", "does not unlock the key in " + file + " (" + e.getMessage() + ")");
        }
        throw new ConfigException("tls.keystore", file + " holds no private key with its certificate");
    }

    private static List<X509Certificate> certificates(Path file) {
        String text = read("tls.cert", file);
        List<X509Certificate> chain = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (!m.group(1).equals("CERTIFICATE")) continue;
                byte[] der = base64("tls.cert", file, m.group(2));
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new ConfigException("tls.cert", "certificate " + (chain.size() + 1) + " in " + file + " cannot be read: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new ConfigException("tls.cert", text.contains("PRIVATE KEY-----")
                    ? file + " holds a private key, not a certificate (are tls.cert and tls.key swapped?)"
                    : file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        String text = read("tls.key", file);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) continue;
            String body = m.group(2);
            if (type.equals("ENCRYPTED PRIVATE KEY") || body.contains("ENCRYPTED")) {
                throw new ConfigException("tls.key", file + " is encrypted with a passphrase; Kioku needs it unencrypted: "
                        + "openssl pkey -in " + file + " -out key.pem");
            }
            byte[] der = base64("tls.key", file, body);
            byte[] pkcs8 = switch (type) {
                case "PRIVATE KEY" -> der;
                case "RSA PRIVATE KEY" -> Der.seq(Der.INTEGER_0, Der.seq(OID_RSA, Der.NULL), Der.tlv(0x04, der));
                case "EC PRIVATE KEY" -> Der.seq(Der.INTEGER_0, Der.seq(OID_EC, curveOf(der, file)), Der.tlv(0x04, der));
                default -> throw new ConfigException("tls.key", file + " holds a " + type + ", which Kioku cannot read; " + CONVERT.replace("FILE", file.toString()));
            };
            return decode(pkcs8, file);
        }
        throw new ConfigException("tls.key", text.contains("BEGIN CERTIFICATE")
                ? file + " holds a certificate, not a private key (are tls.cert and tls.key swapped?)"
                : file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** The named curve of a SEC1 {@code ECPrivateKey}: the OID inside its {@code [0]} field. */
    private static byte[] curveOf(byte[] sec1, Path file) {
        try {
            Der.Reader seq = new Der.Reader(sec1).enter(0x30);
            seq.skip(0x02);
            seq.skip(0x04);
            while (seq.more()) {
                if (seq.peek() == 0xA0) return seq.enter(0xA0).whole(0x06);
                seq.skipAny();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tls.key", file + " is not a valid EC private key (" + e.getMessage() + ")");
        }
        throw new ConfigException("tls.key", file + " names no curve; " + CONVERT.replace("FILE", file.toString()));
    }

    private static PrivateKey decode(byte[] pkcs8, Path file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException ignored) {
                // try the next algorithm
            }
        }
        throw new ConfigException("tls.key", file + " holds a private key of a kind Kioku cannot read (RSA, EC and Ed25519 work)");
    }

    /** Signs a few random bytes with the key and checks the certificate's public key verifies them. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> null;
            default -> key.getAlgorithm();
        };
        if (algorithm == null) return true;
        try {
            byte[] data = new byte[32];
            new SecureRandom().nextBytes(data);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void warnIfExpired(X509Certificate cert, Path file) {
        if (cert.getNotAfter().before(new Date())) {
            LOG.warn("the certificate in {} expired on {}: browsers will refuse it until it is renewed", file, cert.getNotAfter().toInstant());
        }
    }

    private static KeyStore store(PrivateKey key, Certificate[] chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("kioku", key, Tls.IN_MEMORY_PASSWORD.toCharArray(), chain);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an in-memory keystore", e);
        }
    }

    private static Path readable(String setting, Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(setting, "no such file: " + file);
        if (!Files.isReadable(file)) throw new ConfigException(setting, file + " is not readable by this user");
        return file;
    }

    private static String read(String setting, Path file) {
        try {
            return Files.readString(readable(setting, file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(setting, file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] base64(String setting, Path file, String body) {
        StringBuilder b = new StringBuilder();
        for (String line : body.split("\\R")) if (!line.contains(":")) b.append(line.strip());
        try {
            return Base64.getDecoder().decode(b.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, file + " is damaged: its PEM block is not valid base64");
        }
    }

    /** Just enough DER to wrap a traditional key into PKCS#8 and to find an EC key's curve. */
    static final class Der {
        static final byte[] INTEGER_0 = {0x02, 0x01, 0x00};
        static final byte[] NULL = {0x05, 0x00};

        private Der() {
        }

        static byte[] seq(byte[]... parts) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] p : parts) body.writeBytes(p);
            return tlv(0x30, body.toByteArray());
        }

        static byte[] tlv(int tag, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int n = value.length;
            if (n < 0x80) {
                out.write(n);
            } else {
                int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
            }
            out.writeBytes(value);
            return out.toByteArray();
        }

        /** Reads the elements of one DER value's contents, in order. */
        static final class Reader {
            private final byte[] data;
            private int pos;
            private final int end;

            Reader(byte[] data) {
                this(data, 0, data.length);
            }

            private Reader(byte[] data, int pos, int end) {
                this.data = data;
                this.pos = pos;
                this.end = end;
            }

            boolean more() {
                return pos < end;
            }

            int peek() {
                if (!more()) throw new IllegalArgumentException("truncated");
                return data[pos] & 0xFF;
            }

            /** The contents of the next element, which must carry {@code tag}. */
            Reader enter(int tag) {
                int[] h = header(tag);
                pos = h[1];
                return new Reader(data, h[0], h[1]);
            }

            /** The next element, tag and length included. */
            byte[] whole(int tag) {
                int start = pos;
                int[] h = header(tag);
                pos = h[1];
                byte[] out = new byte[h[1] - start];
                System.arraycopy(data, start, out, 0, out.length);
                return out;
            }

            void skip(int tag) {
                pos = header(tag)[1];
            }

            void skipAny() {
                pos = header(peek())[1];
            }

            /** {contents start, contents end} of the next element. */
            private int[] header(int tag) {
                if (peek() != tag) throw new IllegalArgumentException("expected tag " + tag + ", found " + peek());
                int p = pos + 1;
                if (p >= end) throw new IllegalArgumentException("truncated");
                int len = data[p++] & 0xFF;
                if (len >= 0x80) {
                    int bytes = len & 0x7F;
                    if (bytes == 0 || bytes > 4 || p + bytes > end) throw new IllegalArgumentException("bad length");
                    len = 0;
                    for (int i = 0; i < bytes; i++) len = (len << 8) | (data[p++] & 0xFF);
                }
                if (len < 0 || p + len > end) throw new IllegalArgumentException("truncated");
                return new int[] {p, p + len};
            }
        }
    }
}
