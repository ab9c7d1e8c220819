package dev.kioku.comments;

import dev.kioku.web.Invalid;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The commenter's fields, checked: trimmed, within their limits, the email lower-cased, and the website an
 * http(s) URL ({@code example.com} becomes {@code https://example.com}).
 *
 * @param website null when none was given
 */
record CommentInput(String body, String name, String email, String website) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** @throws Invalid naming every field that is wrong, each with a sentence a reader understands */
    static CommentInput check(Submission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        String body = null;
        try {
            body = body(s.body());
        } catch (Invalid e) {
            errors.putAll(e.fields());
        }
        String name = strip(s.name());
        if (name.isEmpty()) errors.put("name", "Please give a name to show with your comment.");
        else if (name.length() > Comments.MAX_NAME) errors.put("name", "Please keep the name under " + Comments.MAX_NAME + " characters.");
        String email = strip(s.email()).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) errors.put("email", "Please give your email address. It is never shown.");
        else if (email.length() > Comments.MAX_EMAIL || !EMAIL.matcher(email).matches() || !dev.kioku.mail.Mail.isAddress(email)) {
            errors.put("email", "This does not look like an email address (name@example.com).");
        }
        String website = strip(s.website());
        if (website.isEmpty()) {
            website = null;
        } else {
            if (!website.contains("://")) website = "https://" + website;
            if (website.length() > Comments.MAX_URL || !isWebAddress(website)) {
                errors.put("url", "This does not look like a web address (https://example.com).");
            }
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new CommentInput(body, name, email, website);
    }

    /**
     * A signed-in reader's comment: the text is checked as a guest's; name, email and website come from the
     * reader (an email stand-in that never receives mail when the provider gave no address, and the profile
     * page as website when it fits).
     *
     * @throws Invalid ({@code body}) when the text is empty or too long
     */
    static CommentInput forReader(Submission s, dev.kioku.readers.Reader r) {
        String body = body(s.body());
        String email = r.email() != null ? r.email() : dev.kioku.readers.Readers.placeholderEmail(r.id());
        String website = r.profileUrl() != null && r.profileUrl().length() <= Comments.MAX_URL && isWebAddress(r.profileUrl())
                ? r.profileUrl() : null;
        return new CommentInput(body, r.displayName(), email, website);
    }

    /** The comment text, trimmed. @throws Invalid ({@code body}) when empty or longer than the limit */
    static String body(String raw) {
        String body = raw == null ? "" : raw.strip().replace("\r\n", "\n");
        if (body.isEmpty()) throw Invalid.field("body", "Please write a comment.");
        if (body.length() > Comments.MAX_BODY) {
            throw Invalid.field("body", "Your comment is %,d characters long; the limit is %,d. Please shorten it (your text is kept below)."
                    .formatted(body.length(), Comments.MAX_BODY));
        }
        return body;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getHost().contains(".")
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Trimmed, without control characters (they break feeds and mail headers, and no name needs them). */
    private static String strip(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cc}", " ").strip();
    }
}
