package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kioku.testing.SelfSignedCert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certificate that cannot be used stops {@code kioku serve} with one line naming the file, before the database is touched. */
class TlsCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void a_certificate_file_that_is_not_pem_prints_one_line_naming_it() throws IOException {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));
        Path bad = dir.resolve("fullchain.pem");
        Files.writeString(bad, "not a certificate\n");

        CommandRun run = kioku("serve", "--port", "0", "--https-port", "0", "--tls-cert", bad.toString(),
                "--tls-key", cert.privkey.toString(), "--data", dir.resolve("data").toString(), "--no-demo");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'tls.cert': " + bad + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)"),
                run.errLines());
        assertFalse(Files.exists(dir.resolve("data")), "stopped before the data folder was created");
    }

    @Test
    void a_missing_key_file_prints_one_line_naming_the_flag_setting_and_file() {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));
        Path missing = dir.resolve("privkey.pem");

        CommandRun run = kioku("serve", "--port", "0", "--tls-cert", cert.fullchain.toString(), "--tls-key", missing.toString(),
                "--data", dir.resolve("data").toString(), "--no-demo");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'tls.key': no such file: " + missing), run.errLines());
    }

    @Test
    void a_certificate_without_a_key_prints_one_line_saying_what_is_missing() {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));

        CommandRun run = kioku("serve", "--port", "0", "--tls-cert", cert.fullchain.toString(), "--data", dir.resolve("data").toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'tls.key': is required with tls.cert (the private key file, privkey.pem)"),
                run.errLines());
    }
}
