package dev.kioku.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Everything an operator can set, validated once at start-up and immutable afterwards.
 *
 * @param host     address the HTTP server binds to
 * @param port     TCP port; 0 picks a free one (tests)
 * @param dataDir  folder for the SQLite file and uploaded media
 * @param dbUrl    JDBC URL: {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
 * @param dbUser   PostgreSQL user, or null
 * @param dbPassword PostgreSQL password, or null; never logged
 * @param baseUrl  public address of the blog used in canonical links, or null to derive it from host and port
 * @param smtp     where outgoing mail goes; {@link Smtp#NONE} when not configured. A missing From header becomes
 *                 {@code Kioku <no-reply@HOST>}, HOST being the public address's host
 * @param trustProxy true when a reverse proxy of ours stands in front and appends the reader's address to
 *                 {@code X-Forwarded-For}; false (the default) ignores that header, which anyone can send
 * @param tls      the certificate HTTPS is served with; {@link Tls#NONE} serves plain HTTP only
 */
public record Config(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, URI baseUrl,
                     Smtp smtp, boolean trustProxy, Tls tls) {

    public Config {
        if (host == null || host.isBlank()) throw new ConfigException("host", "must not be empty");
        if (port < 0 || port > 65535) throw new ConfigException("port", "must be from 0 to 65535, got " + port);
        if (dataDir == null) throw new ConfigException("data", "must name a folder");
        if (dbUrl == null || !(dbUrl.startsWith("jdbc:sqlite:") || dbUrl.startsWith("jdbc:postgresql:"))) {
            throw new ConfigException("db", "must be a jdbc:sqlite: or jdbc:postgresql: URL, got '" + redact(dbUrl) + "'");
        }
        if (smtp == null) smtp = Smtp.NONE;
        if (tls == null) tls = Tls.NONE;
        if (tls.enabled() && tls.port() == port && port != 0) {
            throw new ConfigException("https-port", "must differ from port (" + port + "): HTTP and HTTPS each need their own");
        }
        if (smtp.from() == null) smtp = smtp.withFrom("Kioku <no-reply@" + mailDomain(baseUrl, host) + ">");
    }

    /** A config without HTTPS. */
    public Config(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, URI baseUrl,
                  Smtp smtp, boolean trustProxy) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, smtp, trustProxy, Tls.NONE);
    }

    /** A config reached directly, not through a proxy. */
    public Config(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, URI baseUrl,
                  Smtp smtp) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, smtp, false);
    }

    /** A config without outgoing mail, reached directly. */
    public Config(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, URI baseUrl) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, Smtp.NONE);
    }

    /** The host of the public address when it is a name; {@code localhost} for an IP address, which no mail server takes. */
    private static String mailDomain(URI baseUrl, String host) {
        String name = baseUrl != null ? baseUrl.getHost() : host;
        boolean address = name == null || name.contains(":") || name.startsWith("[") || name.matches("[0-9.]+");
        return address ? "localhost" : name;
    }

    /** True when the database is PostgreSQL, false for SQLite. */
    public boolean postgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** The SQLite URL used when none is given: a file in the data folder. */
    public static String defaultSqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("kioku.db");
    }

    /**
     * The public base address without a trailing slash, e.g. {@code http://127.0.0.1:8080}; with a certificate and no
     * base URL, the HTTPS address ({@code https://127.0.0.1:8443}, no port for 443).
     */
    public String publicBase() {
        if (baseUrl != null) {
            String s = baseUrl.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0")) h = "127.0.0.1";
        if (tls.enabled()) return "https://" + h + (tls.port() == 443 ? "" : ":" + tls.port());
        return "http://" + h + ":" + port;
    }

    /** The port readers are sent to: the HTTPS port with a certificate, else the HTTP port. */
    public int publicPort() {
        return tls.enabled() ? tls.port() : port;
    }

    @Override
    public String toString() {
        return "Config[host=" + host + ", port=" + port + ", data=" + dataDir + ", db=" + redact(dbUrl)
                + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? "unset" : "****")
                + ", baseUrl=" + baseUrl + ", smtp=" + smtp + ", trustProxy=" + trustProxy + ", tls=" + tls + "]";
    }

    /** A database URL fit for logs and messages: a {@code password=} parameter and {@code user:password@} are masked. */
    public static String redact(String url) {
        if (url == null) return null;
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/@:]*):[^/@]*@", "$1:****@");
    }
}
