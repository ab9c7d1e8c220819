package dev.kioku.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link Config} from four layers, strongest first: command-line flags, {@code KIOKU_*}
 * environment variables, a properties file, defaults.
 *
 * <p>Why one place: every command (serve, init, migrate, import…) must see the same settings with the
 * same precedence, and an error must name the setting and where its bad value came from.
 */
public final class ConfigLoader {

    /** Setting names as written in the config file; the environment uses KIOKU_ + upper snake case. */
    enum Key {
        HOST("host"), PORT("port"), DATA("data"), DB_URL("db.url"), DB_USER("db.user"),
        DB_PASSWORD("db.password"), BASE_URL("base-url"), SMTP_HOST("smtp.host"), SMTP_PORT("smtp.port"),
        SMTP_USER("smtp.user"), SMTP_PASSWORD("smtp.password"), SMTP_TLS("smtp.tls"), SMTP_FROM("smtp.from"),
        TRUST_PROXY("trust-proxy"), HTTPS_PORT("https-port"), TLS_CERT("tls.cert"), TLS_KEY("tls.key"),
        TLS_KEYSTORE("tls.keystore"), TLS_KEYSTORE_PASSWORD("tls.keystore-password");

        final String file;

        Key(String file) {
            this.file = file;
        }

        String env() {
            return "KIOKU_" + name();
        }
    }

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Loads the config.
     *
     * @param flags      values given on the command line, keyed by file name ("port", "db.url"…); nulls ignored
     * @param configFile a file named by --config, or null to use KIOKU_CONFIG or ./kioku.properties if present
     * @throws ConfigException naming the first bad setting
     */
    public Config load(Map<String, String> flags, Path configFile) {
        Properties file = readFile(configFile);
        String host = pick(Key.HOST, flags, file, "127.0.0.1");
        String portText = pick(Key.PORT, flags, file, "8080");
        Path data = Path.of(pick(Key.DATA, flags, file, "data"));
        String db = pick(Key.DB_URL, flags, file, Config.defaultSqliteUrl(data));
        String base = pick(Key.BASE_URL, flags, file, null);
        return new Config(host, parsePort(portText, flags, file), data, db,
                pick(Key.DB_USER, flags, file, null), pick(Key.DB_PASSWORD, flags, file, null), parseBase(base),
                smtp(flags, file), parseBoolean(Key.TRUST_PROXY, pick(Key.TRUST_PROXY, flags, file, "false"), flags, file),
                tls(flags, file));
    }

    private Tls tls(Map<String, String> flags, Properties file) {
        String portText = pick(Key.HTTPS_PORT, flags, file, String.valueOf(Tls.DEFAULT_PORT));
        int port = -1;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("https-port", "must be a number from 0 to 65535, got '" + portText + "'" + source(Key.HTTPS_PORT, flags, file));
        }
        return new Tls(path(Key.TLS_CERT, flags, file), path(Key.TLS_KEY, flags, file), path(Key.TLS_KEYSTORE, flags, file),
                pick(Key.TLS_KEYSTORE_PASSWORD, flags, file, null), port);
    }

    private Path path(Key key, Map<String, String> flags, Properties file) {
        String v = pick(key, flags, file, null);
        return v == null || v.isEmpty() ? null : Path.of(v);
    }

    private Smtp smtp(Map<String, String> flags, Properties file) {
        String tlsText = pick(Key.SMTP_TLS, flags, file, "starttls");
        Smtp.Security security = null;
        for (Smtp.Security s : Smtp.Security.values()) if (s.setting().equalsIgnoreCase(tlsText)) security = s;
        if (security == null) {
            throw new ConfigException("smtp.tls", "must be starttls, tls or none, got '" + tlsText + "'" + source(Key.SMTP_TLS, flags, file));
        }
        String portText = pick(Key.SMTP_PORT, flags, file, security == Smtp.Security.TLS ? "465" : "587");
        int port = -1;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("smtp.port", "must be a number from 1 to 65535, got '" + portText + "'" + source(Key.SMTP_PORT, flags, file));
        }
        return new Smtp(pick(Key.SMTP_HOST, flags, file, null), port, pick(Key.SMTP_USER, flags, file, null),
                pick(Key.SMTP_PASSWORD, flags, file, null), security, pick(Key.SMTP_FROM, flags, file, null));
    }

    private String pick(Key key, Map<String, String> flags, Properties file, String fallback) {
        String v = flags.get(key.file);
        if (v == null) v = env.get(key.env());
        if (v == null) v = file.getProperty(key.file);
        return v == null ? fallback : v.strip();
    }

    private int parsePort(String text, Map<String, String> flags, Properties file) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("port", "must be a number from 0 to 65535, got '" + text + "'" + source(Key.PORT, flags, file));
    }

    private boolean parseBoolean(Key key, String text, Map<String, String> flags, Properties file) {
        if (text.equalsIgnoreCase("true")) return true;
        if (text.equalsIgnoreCase("false")) return false;
        throw new ConfigException(key.file, "must be true or false, got '" + text + "'" + source(key, flags, file));
    }

    private String source(Key key, Map<String, String> flags, Properties file) {
        if (flags.get(key.file) != null) return " (from --" + (key == Key.DB_URL ? "db" : key.file.replace('.', '-')) + ")";
        if (env.get(key.env()) != null) return " (from " + key.env() + ")";
        if (file.getProperty(key.file) != null) return " (from the config file)";
        return "";
    }

    private static URI parseBase(String base) {
        if (base == null || base.isBlank()) return null;
        try {
            URI uri = new URI(base);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException("base-url", "must be an absolute http(s) URL, got '" + base + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("base-url", "is not a URL: '" + base + "'");
        }
    }

    private Properties readFile(Path explicit) {
        Path path = explicit;
        if (path == null && env.get("KIOKU_CONFIG") != null) path = Path.of(env.get("KIOKU_CONFIG"));
        Properties props = new Properties();
        if (path == null) {
            path = Path.of("kioku.properties");
            if (!Files.isRegularFile(path)) return props;
        }
        if (!Files.isRegularFile(path)) throw new ConfigException("config", "no such file: " + path);
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config", "cannot read " + path + ": " + e.getMessage());
        }
        for (String name : props.stringPropertyNames()) {
            boolean known = false;
            for (Key k : Key.values()) known |= k.file.equals(name);
            if (!known) throw new ConfigException(name, "is not a known setting (in " + path + ")");
        }
        return props;
    }
}
