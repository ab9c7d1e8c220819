package dev.kioku.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * The SMTP server outgoing mail leaves through. Without a host, mail is not configured: messages wait in the
 * outbox until it is.
 *
 * @param host     server name, or null when mail is not configured
 * @param port     1 to 65535; 587 by default, 465 with {@link Security#TLS}
 * @param user     login, or null to send without signing in
 * @param password login password, or null; never logged
 * @param security how the connection is protected
 * @param from     the From header, e.g. {@code Kioku <no-reply@example.org>}; null only before {@link Config}
 *                 fills in its default
 */
public record Smtp(String host, int port, String user, String password, Security security, String from) {
    /** Not configured: nothing is sent, everything waits. */
    public static final Smtp NONE = new Smtp(null, 587, null, null, Security.STARTTLS, null);

    /** How the connection to the server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** No encryption: only for a server on the same machine or network. */
        NONE;

        /** The value as written in settings: {@code starttls}, {@code tls}, {@code none}. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Smtp {
        if (host != null && host.isBlank()) host = null;
        if (port < 1 || port > 65535) throw new ConfigException("smtp.port", "must be from 1 to 65535, got " + port);
        if (security == null) throw new ConfigException("smtp.tls", "must be starttls, tls or none");
        if (user != null && user.isEmpty()) user = null;
        if (password != null && password.isEmpty()) password = null;
        if (password != null && user == null) throw new ConfigException("smtp.password", "is set but smtp.user is not");
        if (from != null) checkFrom(from);
    }

    /** True when a host is set and mail can be sent. */
    public boolean configured() {
        return host != null;
    }

    /** The same settings with another From header. */
    public Smtp withFrom(String from) {
        return new Smtp(host, port, user, password, security, from);
    }

    private static void checkFrom(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) throw new AddressException("no @");
        } catch (AddressException e) {
            throw new ConfigException("smtp.from", "must be an address like 'Blog <no-reply@example.org>', got '" + from + "'");
        }
    }

    @Override
    public String toString() {
        return "Smtp[host=" + host + ", port=" + port + ", user=" + user + ", password=" + (password == null ? "unset" : "****")
                + ", tls=" + security.setting() + ", from=" + from + "]";
    }
}
