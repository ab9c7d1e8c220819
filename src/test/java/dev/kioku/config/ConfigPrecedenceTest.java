package dev.kioku.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Flags beat the environment, which beats the config file, which beats the defaults. */
class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    /** One setting as it is named in each layer, a distinct value per layer, and how to read it back. */
    enum Setting {
        HOST("host", "KIOKU_HOST", "10.0.0.1", "10.0.0.2", "10.0.0.3", Config::host),
        PORT("port", "KIOKU_PORT", "1111", "2222", "3333", c -> String.valueOf(c.port())),
        DATA("data", "KIOKU_DATA", "flag-data", "env-data", "file-data", c -> c.dataDir().toString()),
        DB_URL("db.url", "KIOKU_DB_URL", "jdbc:sqlite:flag.db", "jdbc:sqlite:env.db", "jdbc:sqlite:file.db", Config::dbUrl),
        SMTP_HOST("smtp.host", "KIOKU_SMTP_HOST", "flag.example", "env.example", "file.example", c -> c.smtp().host()),
        SMTP_PORT("smtp.port", "KIOKU_SMTP_PORT", "2525", "25", "1587", c -> String.valueOf(c.smtp().port())),
        SMTP_FROM("smtp.from", "KIOKU_SMTP_FROM", "a@flag.example", "a@env.example", "a@file.example", c -> c.smtp().from());

        final String key;
        final String env;
        final String flagValue;
        final String envValue;
        final String fileValue;
        final Function<Config, String> read;

        Setting(String key, String env, String flagValue, String envValue, String fileValue, Function<Config, String> read) {
            this.key = key;
            this.env = env;
            this.flagValue = flagValue;
            this.envValue = envValue;
            this.fileValue = fileValue;
            this.read = read;
        }
    }

    private Path file(String text) throws IOException {
        Path f = Files.createTempFile(dir, "kioku", ".properties");
        Files.writeString(f, text);
        return f;
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void a_flag_beats_the_environment_and_the_file(Setting s) throws IOException {
        Config c = new ConfigLoader(Map.of(s.env, s.envValue)).load(Map.of(s.key, s.flagValue), file(s.key + "=" + s.fileValue));

        assertEquals(s.flagValue, s.read.apply(c));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void the_environment_beats_the_file(Setting s) throws IOException {
        Config c = new ConfigLoader(Map.of(s.env, s.envValue)).load(Map.of(), file(s.key + "=" + s.fileValue));

        assertEquals(s.envValue, s.read.apply(c));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void the_file_beats_the_default(Setting s) throws IOException {
        Config c = new ConfigLoader(Map.of()).load(Map.of(), file(s.key + "=" + s.fileValue));

        assertEquals(s.fileValue, s.read.apply(c));
    }

    @Test
    void with_nothing_set_the_blog_listens_on_localhost_8080_with_sqlite_in_data() throws IOException {
        Config c = new ConfigLoader(Map.of()).load(Map.of(), file(""));

        assertEquals("127.0.0.1", c.host());
        assertEquals(8080, c.port());
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals("jdbc:sqlite:data/kioku.db", c.dbUrl());
        assertEquals("http://127.0.0.1:8080", c.publicBase());
    }

    @Test
    void the_default_sqlite_file_follows_the_data_folder() {
        Config c = new ConfigLoader(Map.of("KIOKU_DATA", "blog")).load(Map.of(), null);

        assertEquals("jdbc:sqlite:blog/kioku.db", c.dbUrl());
    }

    @Test
    void kioku_config_names_the_file_when_there_is_no_config_flag() throws IOException {
        Path f = file("port=4000\nhost=0.0.0.0\n");

        Config c = new ConfigLoader(Map.of("KIOKU_CONFIG", f.toString())).load(Map.of(), null);

        assertEquals(4000, c.port());
        assertEquals("0.0.0.0", c.host());
    }

    @Test
    void the_config_flag_beats_kioku_config() throws IOException {
        Path named = file("port=4000\n");
        Path flagged = file("port=5000\n");

        Config c = new ConfigLoader(Map.of("KIOKU_CONFIG", named.toString())).load(Map.of(), flagged);

        assertEquals(5000, c.port());
    }

    @Test
    void the_database_password_never_shows_in_the_printed_config() throws IOException {
        Config c = new ConfigLoader(Map.of()).load(Map.of(),
                file("db.url=jdbc:postgresql://db.example/kioku\ndb.user=kioku\ndb.password=s3cret-Pa55\n"));

        assertEquals("s3cret-Pa55", c.dbPassword());
        assertFalse(c.toString().contains("s3cret-Pa55"), c.toString());
        assertTrue(c.toString().contains("dbPassword=****"), c.toString());
        assertTrue(c.toString().contains("dbUser=kioku"), c.toString());
    }

    @Test
    void without_an_smtp_host_mail_is_not_configured_and_defaults_to_starttls_on_587() throws IOException {
        Config c = new ConfigLoader(Map.of()).load(Map.of(), file(""));

        assertFalse(c.smtp().configured());
        assertEquals(587, c.smtp().port());
        assertEquals(Smtp.Security.STARTTLS, c.smtp().security());
    }

    @Test
    void the_from_address_defaults_to_no_reply_at_the_public_host() throws IOException {
        Config named = new ConfigLoader(Map.of()).load(Map.of(), file("base-url=https://blog.example.org/\nsmtp.host=mail.example.org\n"));
        Config local = new ConfigLoader(Map.of()).load(Map.of(), file(""));

        assertEquals("Kioku <no-reply@blog.example.org>", named.smtp().from());
        assertEquals("Kioku <no-reply@localhost>", local.smtp().from());
    }

    @Test
    void tls_from_the_first_byte_defaults_to_port_465_unless_a_port_is_given() throws IOException {
        Config tls = new ConfigLoader(Map.of()).load(Map.of(), file("smtp.host=mail.example.org\nsmtp.tls=tls\n"));
        Config none = new ConfigLoader(Map.of("KIOKU_SMTP_TLS", "none", "KIOKU_SMTP_PORT", "25")).load(Map.of(), file(""));

        assertEquals(465, tls.smtp().port());
        assertEquals(Smtp.Security.TLS, tls.smtp().security());
        assertEquals(25, none.smtp().port());
        assertEquals(Smtp.Security.NONE, none.smtp().security());
    }

    @Test
    void the_smtp_password_never_shows_in_the_printed_config() throws IOException {
        Config c = new ConfigLoader(Map.of("KIOKU_SMTP_PASSWORD", "m4il-Pa55")).load(Map.of(),
                file("smtp.host=mail.example.org\nsmtp.user=kioku\n"));

        assertEquals("m4il-Pa55", c.smtp().password());
        assertFalse(c.toString().contains("m4il-Pa55"), c.toString());
        assertFalse(c.smtp().toString().contains("m4il-Pa55"), c.smtp().toString());
        assertTrue(c.toString().contains("password=****"), c.toString());
        assertTrue(c.toString().contains("host=mail.example.org"), c.toString());
    }

    @Test
    void trust_proxy_is_off_unless_set_and_follows_the_same_precedence() throws IOException {
        ConfigLoader none = new ConfigLoader(Map.of());
        ConfigLoader envOn = new ConfigLoader(Map.of("KIOKU_TRUST_PROXY", "true"));

        assertFalse(none.load(Map.of(), file("")).trustProxy());
        assertTrue(none.load(Map.of(), file("trust-proxy=TRUE\n")).trustProxy(), "file beats default; any case");
        assertTrue(envOn.load(Map.of(), file("trust-proxy=false\n")).trustProxy(), "environment beats file");
        assertFalse(envOn.load(Map.of("trust-proxy", "false"), file("")).trustProxy(), "flag beats environment");
        Config on = envOn.load(Map.of(), file(""));
        assertTrue(on.toString().contains("trustProxy=true"), on.toString());
    }
}
