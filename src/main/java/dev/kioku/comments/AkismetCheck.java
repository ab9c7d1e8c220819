package dev.kioku.comments;

import dev.kioku.net.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an Akismet-compatible service (Akismet itself, or a self-hosted clone speaking its REST API) whether a
 * comment is spam. A service that cannot answer never decides: the caller holds the comment for a moderator.
 * The API key goes only in request bodies and is masked in anything logged.
 */
public final class AkismetCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AkismetCheck.class);
    private static final Map<String, String> HEADERS = Map.of("User-Agent", "Kioku | AkismetCheck/1");

    /** What the service said about a comment. */
    public enum Verdict {
        HAM,
        SPAM,
        /** Blatant spam ({@code X-akismet-pro-tip: discard}): it need not even wait in the spam folder. */
        DISCARD,
        /** No usable answer (error, bad key, timeout, refused address): the caller holds the comment for moderation. */
        UNAVAILABLE
    }

    /** The comment and its context as the service wants them; any field may be null and is then left out. */
    public record Submission(String ip, String userAgent, String referrer, String permalink, String authorName,
                             String authorEmail, String authorUrl, String content, String language) {
    }

    private final HttpFetcher fetcher;
    private final String endpoint;
    private final String apiKey;
    private final String blogUrl;

    /**
     * @param endpoint the API base, e.g. {@code https://rest.akismet.com/1.1}
     * @param blogUrl  the site's public base address
     */
    public AkismetCheck(HttpFetcher fetcher, URI endpoint, String apiKey, String blogUrl) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        String base = Objects.requireNonNull(endpoint, "endpoint").toString();
        this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.blogUrl = Objects.requireNonNull(blogUrl, "blogUrl");
    }

    /** Checks a comment; never throws. @return {@link Verdict#UNAVAILABLE} on any failure, logged once at WARN */
    public Verdict check(Submission s) {
        try {
            HttpFetcher.Response r = post("comment-check", form(s));
            String answer = r.body().trim();
            if (r.status() == 200 && answer.equals("true")) {
                boolean discard = r.headers().firstValue("X-akismet-pro-tip").filter("discard"::equalsIgnoreCase).isPresent();
                return discard ? Verdict.DISCARD : Verdict.SPAM;
            }
            if (r.status() == 200 && answer.equals("false")) return Verdict.HAM;
            warn("comment-check", r);
        } catch (IOException | RuntimeException e) {
            warn("comment-check", e);
        }
        return Verdict.UNAVAILABLE;
    }

    /** @return true when the service accepts the key for this blog; false when it refuses it or cannot be reached */
    public boolean verifyKey() {
        try {
            HttpFetcher.Response r = post("verify-key", Map.of("api_key", apiKey, "blog", blogUrl));
            if (r.status() == 200 && r.body().trim().equals("valid")) return true;
            warn("verify-key", r);
        } catch (IOException | RuntimeException e) {
            warn("verify-key", e);
        }
        return false;
    }

    /** Tells the service a moderator's decision so it learns; failures are logged at WARN, never thrown. */
    public void report(Submission s, boolean spam) {
        String call = spam ? "submit-spam" : "submit-ham";
        try {
            HttpFetcher.Response r = post(call, form(s));
            if (r.status() != 200 || r.body().trim().equals("invalid")) warn(call, r);
        } catch (IOException | RuntimeException e) {
            warn(call, e);
        }
    }

    private HttpFetcher.Response post(String call, Map<String, String> form) throws IOException {
        return fetcher.postForm(URI.create(endpoint + "/" + call), form, HEADERS);
    }

    private Map<String, String> form(Submission s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        form.put("blog", blogUrl);
        put(form, "user_ip", s.ip());
        put(form, "user_agent", s.userAgent());
        put(form, "referrer", s.referrer());
        put(form, "permalink", s.permalink());
        form.put("comment_type", "comment");
        put(form, "comment_author", s.authorName());
        put(form, "comment_author_email", s.authorEmail());
        put(form, "comment_author_url", s.authorUrl());
        put(form, "comment_content", s.content());
        put(form, "blog_lang", s.language());
        form.put("blog_charset", "UTF-8");
        return form;
    }

    private static void put(Map<String, String> form, String name, String value) {
        if (value != null) form.put(name, value);
    }

    private void warn(String call, HttpFetcher.Response r) {
        String help = r.headers().firstValue("X-akismet-debug-help").orElse("");
        LOG.warn("Akismet {} gave no usable answer: status {}, body '{}'{}", call, r.status(), printable(r.body(), 80),
                help.isEmpty() ? "" : ", help '" + printable(help, 200) + "'");
    }

    private void warn(String call, Exception e) {
        LOG.warn("Akismet {} failed: {}: {}", call, e.getClass().getSimpleName(), printable(String.valueOf(e.getMessage()), 200));
    }

    /** Text from the network made safe for one log line: cut, control characters dropped, the key masked. */
    private String printable(String text, int max) {
        String masked = apiKey.isEmpty() ? text : text.replace(apiKey, "****");
        String oneLine = masked.replaceAll("\\p{Cntrl}", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
