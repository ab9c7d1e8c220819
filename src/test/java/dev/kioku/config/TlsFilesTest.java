package dev.kioku.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kioku.testing.SelfSignedCert;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate files an operator points Kioku at: certbot's PEM files, the traditional OpenSSL key forms, a
 * PKCS#12 keystore, and every way they go wrong, each answered by one line naming the setting and the file.
 */
class TlsFilesTest {
    @TempDir
    Path dir;

    @Test
    void certbot_style_pem_files_give_the_key_and_chain_that_were_written() throws GeneralSecurityException {
        SelfSignedCert cert = SelfSignedCert.ec(dir);

        KeyStore ks = Tls.pem(cert.fullchain, cert.privkey, 0).keyStore();

        assertEquals(cert.certificate, ks.getCertificate("kioku"));
        assertArrayEquals(cert.key.getEncoded(), ks.getKey("kioku", Tls.IN_MEMORY_PASSWORD.toCharArray()).getEncoded());
    }

    @Test
    void an_ec_key_in_the_traditional_openssl_form_is_read() throws Exception {
        SelfSignedCert cert = SelfSignedCert.ec(dir);
        byte[] d = unsigned(((ECPrivateKey) cert.key).getS(), 32);
        byte[] prime256v1 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
        byte[] sec1 = PemKeys.Der.seq(new byte[] {0x02, 0x01, 0x01}, PemKeys.Der.tlv(0x04, d), PemKeys.Der.tlv(0xA0, prime256v1));
        Path key = write("ec.pem", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + SelfSignedCert.pem("EC PRIVATE KEY", sec1));

        KeyStore ks = Tls.pem(cert.fullchain, key, 0).keyStore();

        assertEquals(((ECPrivateKey) cert.key).getS(), ((ECPrivateKey) ks.getKey("kioku", Tls.IN_MEMORY_PASSWORD.toCharArray())).getS());
    }

    @Test
    void an_rsa_key_in_the_traditional_openssl_form_is_read() throws Exception {
        SelfSignedCert cert = SelfSignedCert.rsa(dir);
        PemKeys.Der.Reader pkcs8 = new PemKeys.Der.Reader(cert.key.getEncoded()).enter(0x30);
        pkcs8.skip(0x02);
        pkcs8.skip(0x30);
        byte[] pkcs1 = pkcs8.enter(0x04).whole(0x30);
        Path key = write("rsa.pem", SelfSignedCert.pem("RSA PRIVATE KEY", pkcs1));

        KeyStore ks = Tls.pem(cert.fullchain, key, 0).keyStore();

        assertArrayEquals(cert.key.getEncoded(), ks.getKey("kioku", Tls.IN_MEMORY_PASSWORD.toCharArray()).getEncoded());
    }

    @Test
    void a_pkcs12_keystore_with_its_password_is_read() throws GeneralSecurityException {
        SelfSignedCert cert = SelfSignedCert.ec(dir);

        KeyStore ks = new Tls(null, null, cert.keystore, SelfSignedCert.KEYSTORE_PASSWORD, 0).keyStore();

        assertEquals(cert.certificate, ks.getCertificate("kioku"));
    }

    @Test
    void a_wrong_keystore_password_names_the_password_setting() {
        SelfSignedCert cert = SelfSignedCert.ec(dir);

        ConfigException e = assertThrows(ConfigException.class, () -> new Tls(null, null, cert.keystore, "nope", 0).keyStore());

        assertEquals("invalid setting 'tls.keystore-password': does not open " + cert.keystore + " (wrong password?)", e.getMessage());
    }

    @Test
    void a_missing_certificate_file_is_named() {
        SelfSignedCert cert = SelfSignedCert.ec(dir);
        Path missing = dir.resolve("live/example.org/fullchain.pem");

        ConfigException e = assertThrows(ConfigException.class, () -> Tls.pem(missing, cert.privkey, 0).keyStore());

        assertEquals("invalid setting 'tls.cert': no such file: " + missing, e.getMessage());
    }

    @Test
    void swapped_files_are_recognised_as_swapped() {
        SelfSignedCert cert = SelfSignedCert.ec(dir);

        ConfigException e = assertThrows(ConfigException.class, () -> Tls.pem(cert.privkey, cert.fullchain, 0).keyStore());

        assertEquals("invalid setting 'tls.cert': " + cert.privkey + " holds a private key, not a certificate "
                + "(are tls.cert and tls.key swapped?)", e.getMessage());
    }

    @Test
    void a_key_that_belongs_to_another_certificate_is_refused() {
        SelfSignedCert one = SelfSignedCert.ec(dir.resolve("one"));
        SelfSignedCert other = SelfSignedCert.ec(dir.resolve("other"));

        ConfigException e = assertThrows(ConfigException.class, () -> Tls.pem(one.fullchain, other.privkey, 0).keyStore());

        assertEquals("invalid setting 'tls.key': " + other.privkey + " is not the key of the first certificate in "
                + one.fullchain + " (the site's own certificate must come first, as in certbot's fullchain.pem)", e.getMessage());
    }

    @Test
    void a_file_without_pem_blocks_is_named_with_what_was_expected() throws IOException {
        SelfSignedCert cert = SelfSignedCert.ec(dir);
        Path garbage = write("garbage.pem", "hello, I am not a certificate\n");

        ConfigException cert1 = assertThrows(ConfigException.class, () -> Tls.pem(garbage, cert.privkey, 0).keyStore());
        ConfigException key1 = assertThrows(ConfigException.class, () -> Tls.pem(cert.fullchain, garbage, 0).keyStore());

        assertEquals("invalid setting 'tls.cert': " + garbage + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)", cert1.getMessage());
        assertEquals("invalid setting 'tls.key': " + garbage + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)", key1.getMessage());
    }

    @Test
    void a_damaged_certificate_is_named() throws IOException {
        SelfSignedCert cert = SelfSignedCert.ec(dir);
        Path damaged = write("damaged.pem", "-----BEGIN CERTIFICATE-----\nMIIBdGhpcyBpcyBub3QgREVS\n-----END CERTIFICATE-----\n");

        ConfigException e = assertThrows(ConfigException.class, () -> Tls.pem(damaged, cert.privkey, 0).keyStore());

        assertEquals("tls.cert", e.setting());
        assertEquals(true, e.getMessage().startsWith("invalid setting 'tls.cert': certificate 1 in " + damaged + " cannot be read"), e.getMessage());
    }

    @Test
    void an_encrypted_key_says_how_to_decrypt_it() throws IOException {
        SelfSignedCert cert = SelfSignedCert.ec(dir);
        Path encrypted = write("enc.pem", SelfSignedCert.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));

        ConfigException e = assertThrows(ConfigException.class, () -> Tls.pem(cert.fullchain, encrypted, 0).keyStore());

        assertEquals("invalid setting 'tls.key': " + encrypted + " is encrypted with a passphrase; Kioku needs it unencrypted: "
                + "openssl pkey -in " + encrypted + " -out key.pem", e.getMessage());
    }

    @Test
    void a_certificate_without_its_key_is_refused_when_the_settings_are_read() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("KIOKU_TLS_CERT", "/etc/fullchain.pem"))
                .load(Map.of(), null));

        assertEquals("invalid setting 'tls.key': is required with tls.cert (the private key file, privkey.pem)", e.getMessage());
    }

    @Test
    void tls_settings_come_from_flags_environment_and_file_like_every_other() throws IOException {
        Path file = write("kioku.properties", "tls.key=/file/key.pem\nhttps-port=443\n");

        Config config = new ConfigLoader(Map.of("KIOKU_TLS_CERT", "/env/cert.pem", "KIOKU_HTTPS_PORT", "9443"))
                .load(Map.of("tls.cert", "/flag/cert.pem"), file);

        assertEquals(new Tls(Path.of("/flag/cert.pem"), Path.of("/file/key.pem"), null, null, 9443), config.tls());
        assertEquals("https://127.0.0.1:9443", config.publicBase());
    }

    @Test
    void a_bad_https_port_names_where_it_came_from() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("KIOKU_HTTPS_PORT", "https"))
                .load(Map.of(), null));

        assertEquals("invalid setting 'https-port': must be a number from 0 to 65535, got 'https' (from KIOKU_HTTPS_PORT)", e.getMessage());
    }

    @Test
    void the_https_port_cannot_be_the_http_port() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("KIOKU_TLS_CERT", "/c.pem",
                "KIOKU_TLS_KEY", "/k.pem", "KIOKU_HTTPS_PORT", "8080")).load(Map.of(), null));

        assertEquals("invalid setting 'https-port': must differ from port (8080): HTTP and HTTPS each need their own", e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static byte[] unsigned(BigInteger n, int length) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
