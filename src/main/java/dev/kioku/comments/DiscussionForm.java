package dev.kioku.comments;

import dev.kioku.admin.Fields;
import dev.kioku.web.Invalid;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings → Discussion as form fields, and back: every number checked against its range with a sentence. */
final class DiscussionForm {
    static final String[] FIELDS = {"moderation", "maxLinks", "closeAfterDays", "threadDepth", "perPage", "blockedWords",
            "blockedEmails", "blockedIps", "gravatar", "notifyAuthor", "akismetKey", "akismetEndpoint"};

    private DiscussionForm() {
    }

    /** The saved settings as the form shows them. */
    static Fields of(DiscussionSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("moderation", s.moderation().code());
        v.put("maxLinks", Integer.toString(s.maxLinks()));
        v.put("closeAfterDays", Integer.toString(s.closeAfterDays()));
        v.put("threadDepth", Integer.toString(s.threadDepth()));
        v.put("perPage", Integer.toString(s.perPage()));
        v.put("blockedWords", String.join("\n", s.blockedWords()));
        v.put("blockedEmails", String.join("\n", s.blockedEmails()));
        v.put("blockedIps", String.join("\n", s.blockedIps()));
        v.put("gravatar", s.gravatar() ? "on" : "");
        v.put("notifyAuthor", s.notifyAuthor() ? "on" : "");
        v.put("akismetKey", s.akismetKey());
        v.put("akismetEndpoint", s.akismetEndpoint());
        return Fields.of(v);
    }

    /** @throws Invalid naming each field that is wrong */
    static DiscussionSettings parse(Fields f) {
        Map<String, String> errors = new LinkedHashMap<>();
        Moderation moderation = null;
        try {
            moderation = Moderation.of(f.stripped("moderation"));
        } catch (IllegalArgumentException e) {
            errors.put("moderation", "Choose which comments wait for approval.");
        }
        int maxLinks = number(f, "maxLinks", 0, 100, "Hold a comment with more links than", errors);
        int closeAfter = number(f, "closeAfterDays", 0, 36_500, "Close comments after", errors);
        int depth = number(f, "threadDepth", 1, 10, "Reply depth", errors);
        int perPage = number(f, "perPage", 10, 500, "Threads per page", errors);
        List<String> emails = DiscussionSettings.lines(f.value("blockedEmails"));
        String badEmail = emails.stream().filter(e -> !e.matches("[^@\\s]*@[^@\\s]+\\.[^@\\s]+")).findFirst().orElse(null);
        if (badEmail != null) {
            errors.put("blockedEmails", "“" + badEmail + "” is not an address (name@example.com) or a domain (@example.com).");
        }
        List<String> ips = DiscussionSettings.lines(f.value("blockedIps"));
        String badIp = ips.stream().filter(ip -> !ip.matches("[0-9a-f.:]+")).findFirst().orElse(null);
        if (badIp != null) errors.put("blockedIps", "“" + badIp + "” is not an IP address or the start of one (203.0.113. or 2001:db8:).");
        String endpoint = f.stripped("akismetEndpoint");
        if (!endpoint.isEmpty() && !isWebAddress(endpoint)) {
            errors.put("akismetEndpoint", "This does not look like a web address (" + DiscussionSettings.AKISMET + ").");
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new DiscussionSettings(moderation, closeAfter, depth, perPage, maxLinks,
                DiscussionSettings.lines(f.value("blockedWords")), emails, ips, !f.value("gravatar").isEmpty(),
                !f.value("notifyAuthor").isEmpty(), f.stripped("akismetKey"), endpoint);
    }

    private static int number(Fields f, String name, int min, int max, String what, Map<String, String> errors) {
        String text = f.stripped(name);
        if (text.matches("\\d{1,6}")) {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) return n;
        }
        errors.put(name, what + ": enter a whole number from " + min + " to " + String.format("%,d", max) + ".");
        return min;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
