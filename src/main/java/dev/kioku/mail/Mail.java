package dev.kioku.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * One message to one recipient.
 *
 * @param to             the recipient's address, bare ({@code ann@example.org})
 * @param subject        one line
 * @param text           the plain-text body; never empty
 * @param html           the same body as HTML, or null for a text-only message
 * @param unsubscribeUrl an absolute http(s) URL, or null. When set, the message carries
 *                       {@code List-Unsubscribe: <url>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 *                       (RFC 8058), so mail programs can offer a one-click unsubscribe
 * @throws IllegalArgumentException naming the first field that is not usable
 */
public record Mail(String to, String subject, String text, String html, String unsubscribeUrl) {
    /** An ASCII local part (few servers take others), then a domain of two or more labels, international ones too. */
    private static final Pattern ADDRESS = Pattern.compile("[\\x21-\\x7e&&[^@<>()\\[\\],;:\"\\\\]]+@[^\\s@<>()\\[\\],;:\"\\\\.]+(\\.[^\\s@<>()\\[\\],;:\"\\\\.]+)+");

    /** Whether {@code address} is one this record takes as {@code to} (forms check with it, so no address is taken that cannot be mailed). */
    public static boolean isAddress(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    public Mail {
        if (to == null || to.length() > 254 || !ADDRESS.matcher(to).matches()) {
            throw new IllegalArgumentException("mail: 'to' must be an address like ann@example.org, got '" + to + "'");
        }
        if (subject == null || subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("mail: 'subject' must be one line of text");
        }
        if (text == null || text.isBlank()) throw new IllegalArgumentException("mail: 'text' must not be empty");
        if (unsubscribeUrl != null && !httpUrl(unsubscribeUrl)) {
            throw new IllegalArgumentException("mail: 'unsubscribeUrl' must be an absolute http(s) URL, got '" + unsubscribeUrl + "'");
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
