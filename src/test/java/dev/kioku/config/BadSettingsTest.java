package dev.kioku.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setting that cannot be used stops loading with one message naming it, and for the port, its source. */
class BadSettingsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("kioku.properties");
        Files.writeString(f, text);
        return f;
    }

    private ConfigException loading(Map<String, String> env, Map<String, String> flags, Path file) {
        return assertThrows(ConfigException.class, () -> new ConfigLoader(env).load(flags, file));
    }

    @Test
    void a_port_that_is_not_a_number_is_reported_as_coming_from_the_flag() throws IOException {
        ConfigException e = loading(Map.of(), Map.of("port", "eighty"), file(""));

        assertEquals("port", e.setting());
        assertEquals("invalid setting 'port': must be a number from 0 to 65535, got 'eighty' (from --port)", e.getMessage());
    }

    @Test
    void a_port_out_of_range_is_reported_as_coming_from_the_environment() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_PORT", "70000"), Map.of(), file("port=8081\n"));

        assertEquals("invalid setting 'port': must be a number from 0 to 65535, got '70000' (from KIOKU_PORT)", e.getMessage());
    }

    @Test
    void a_bad_port_in_the_file_is_reported_as_coming_from_the_file() throws IOException {
        ConfigException e = loading(Map.of(), Map.of(), file("port=eighty\n"));

        assertEquals("invalid setting 'port': must be a number from 0 to 65535, got 'eighty' (from the config file)", e.getMessage());
    }

    @Test
    void a_database_url_other_than_sqlite_or_postgresql_is_refused() throws IOException {
        ConfigException e = loading(Map.of(), Map.of("db.url", "mysql://x"), file(""));

        assertEquals("db", e.setting());
        assertEquals("invalid setting 'db': must be a jdbc:sqlite: or jdbc:postgresql: URL, got 'mysql://x'", e.getMessage());
    }

    @Test
    void a_base_url_that_is_not_http_is_refused() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_BASE_URL", "ftp://x"), Map.of(), file(""));

        assertEquals("base-url", e.setting());
        assertEquals("invalid setting 'base-url': must be an absolute http(s) URL, got 'ftp://x'", e.getMessage());
    }

    @Test
    void an_unknown_key_in_the_file_is_named_with_the_file() throws IOException {
        Path f = file("port=8081\ncolour=blue\n");

        ConfigException e = loading(Map.of(), Map.of(), f);

        assertEquals("colour", e.setting());
        assertEquals("invalid setting 'colour': is not a known setting (in " + f + ")", e.getMessage());
    }

    @Test
    void a_config_file_that_does_not_exist_is_named() {
        Path missing = dir.resolve("nope.properties");

        ConfigException e = loading(Map.of(), Map.of(), missing);

        assertEquals("config", e.setting());
        assertEquals("invalid setting 'config': no such file: " + missing, e.getMessage());
    }

    @Test
    void a_kioku_config_that_does_not_exist_is_named_too() {
        Path missing = dir.resolve("gone.properties");

        ConfigException e = loading(Map.of("KIOKU_CONFIG", missing.toString()), Map.of(), null);

        assertEquals("invalid setting 'config': no such file: " + missing, e.getMessage());
    }

    @Test
    void a_password_in_a_bad_database_url_is_not_repeated_in_the_message() throws IOException {
        ConfigException e = loading(Map.of(), Map.of("db.url", "postgresql://kioku:s3cret@db/kioku?password=s3cret"), file(""));
        assertEquals("invalid setting 'db': must be a jdbc:sqlite: or jdbc:postgresql: URL, got "
                + "'postgresql://kioku:****@db/kioku?password=****'", e.getMessage());
    }

    @Test
    void an_smtp_port_that_is_not_a_number_is_named_with_its_source() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_SMTP_PORT", "submission"), Map.of(), file("smtp.host=mail.example.org\n"));

        assertEquals("smtp.port", e.setting());
        assertEquals("invalid setting 'smtp.port': must be a number from 1 to 65535, got 'submission' (from KIOKU_SMTP_PORT)", e.getMessage());
    }

    @Test
    void an_smtp_port_of_zero_is_refused() throws IOException {
        ConfigException e = loading(Map.of(), Map.of(), file("smtp.port=0\n"));

        assertEquals("invalid setting 'smtp.port': must be a number from 1 to 65535, got '0' (from the config file)", e.getMessage());
    }

    @Test
    void an_unknown_tls_mode_is_refused_with_the_three_choices() throws IOException {
        ConfigException e = loading(Map.of(), Map.of(), file("smtp.tls=ssl\n"));

        assertEquals("invalid setting 'smtp.tls': must be starttls, tls or none, got 'ssl' (from the config file)", e.getMessage());
    }

    @Test
    void a_from_that_is_not_an_address_is_refused() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_SMTP_FROM", "Kioku blog"), Map.of(), file(""));

        assertEquals("invalid setting 'smtp.from': must be an address like 'Blog <no-reply@example.org>', got 'Kioku blog'", e.getMessage());
    }

    @Test
    void an_smtp_password_without_a_user_is_refused_without_repeating_it() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_SMTP_PASSWORD", "s3cret-Pa55"), Map.of(), file("smtp.host=mail.example.org\n"));

        assertEquals("invalid setting 'smtp.password': is set but smtp.user is not", e.getMessage());
    }

    @Test
    void trust_proxy_other_than_true_or_false_is_named_with_its_source() throws IOException {
        ConfigException e = loading(Map.of("KIOKU_TRUST_PROXY", "yes"), Map.of(), file(""));

        assertEquals("trust-proxy", e.setting());
        assertEquals("invalid setting 'trust-proxy': must be true or false, got 'yes' (from KIOKU_TRUST_PROXY)", e.getMessage());
    }
}
