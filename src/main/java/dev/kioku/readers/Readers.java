package dev.kioku.readers;

import dev.kioku.jobs.Job;
import dev.kioku.mail.Mail;
import dev.kioku.web.Cookies;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Readers who sign in to comment, and their sessions. The provider flows (OpenID Connect, OAuth, the emailed
 * link) each end in {@link #upsert} and {@link #signIn}; the comment form asks {@link #current}.
 *
 * <p>Why two cookies: the session id ({@value #SESSION_COOKIE}) is HttpOnly, so no script can read it; the
 * post page is the same cached bytes for everyone, so its script needs another way to know whether to ask
 * {@code /readers/me/} who is signed in: {@value #MARK_COOKIE} says only "a reader session may exist here".
 */
public final class Readers {
    static final String SESSION_COOKIE = "kioku_reader_session";
    /** Readable by the page's script; holds no secret. */
    public static final String MARK_COOKIE = "kioku_reader";
    /** How long a reader stays signed in. */
    static final Duration SESSION_LIFE = Duration.ofDays(90);
    /** The domain of the stand-in address of a reader whose provider gave none: it never receives mail (RFC 6761). */
    static final String PLACEHOLDER_DOMAIN = "@readers.invalid";
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9:._-]{0,99}");
    private static final String SIGNED_IN = "kioku.reader";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ReaderStore store = new ReaderStore();
    /** id → label of the providers the owner enabled, in the order they were registered. */
    private final Map<String, String> providers = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public Readers(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What a provider says about a reader, checked: provider, subject and display name are required (the name
     * is trimmed, its control characters dropped, and cut at {@value #MAX_NAME} characters). Optional values
     * that are unusable are dropped rather than refused (a sign-in should not fail over a bad picture URL):
     * an email that is no mailable address, an avatar URL that is not https, a profile URL that is not http(s).
     *
     * @throws IllegalArgumentException when provider (lower-case letters, digits, {@code :._-}, up to 100),
     *                                  subject (up to 255) or display name is missing or malformed
     */
    public record Profile(String provider, String subject, String displayName, String email, String avatarUrl,
                          String profileUrl) {
        static final int MAX_NAME = 100;
        static final int MAX_SUBJECT = 255;
        static final int MAX_URL = 1000;

        public Profile {
            if (provider == null || !PROVIDER.matcher(provider).matches()) {
                throw new IllegalArgumentException("profile: provider must be like 'google' or 'oidc:id.example', got '" + provider + "'");
            }
            if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
                throw new IllegalArgumentException("profile: subject must be 1 to " + MAX_SUBJECT + " characters");
            }
            displayName = displayName == null ? "" : displayName.replaceAll("\\p{Cc}", " ").strip();
            if (displayName.isEmpty()) throw new IllegalArgumentException("profile: display name must not be blank");
            if (displayName.codePointCount(0, displayName.length()) > MAX_NAME) {
                displayName = displayName.substring(0, displayName.offsetByCodePoints(0, MAX_NAME)).strip();
            }
            email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
            if (email != null && (!Mail.isAddress(email) || email.endsWith(PLACEHOLDER_DOMAIN))) email = null;
            avatarUrl = webAddress(avatarUrl, false);
            profileUrl = webAddress(profileUrl, true);
        }
    }

    /**
     * Finds the reader for (provider, subject) or creates it; refreshes name, email, avatar and profile URL.
     *
     * @return the stored reader, never null
     */
    public Reader upsert(Profile p) {
        return jdbi.inTransaction(h -> store.byId(h, store.upsert(h, p, clock.instant())).orElseThrow());
    }

    /** The reader with this id, or empty (deleted, or never there). */
    public Optional<Reader> find(long id) {
        return jdbi.withHandle(h -> store.byId(h, id));
    }

    /** The reader a provider knows by {@code subject} (for {@code email}, the lower-cased address), or empty. */
    public Optional<Reader> find(String provider, String subject) {
        return jdbi.withHandle(h -> store.byIdentity(h, provider, subject));
    }

    /**
     * Starts a reader session on this response: a fresh random id in an HttpOnly, SameSite=Lax, Secure-over-TLS
     * cookie (only its SHA-256 stored), replacing any earlier reader session.
     */
    public void signIn(Context ctx, Reader r) {
        String earlier = ctx.cookie(SESSION_COOKIE);
        String id = randomToken();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            if (earlier != null) store.endSession(h, hash(earlier));
            store.startSession(h, hash(id), r.id(), now, now.plus(SESSION_LIFE));
        });
        int maxAge = (int) SESSION_LIFE.toSeconds();
        ctx.cookie(cookie(ctx, SESSION_COOKIE, id, true, maxAge));
        ctx.cookie(cookie(ctx, MARK_COOKIE, "1", false, maxAge));
        ctx.attribute(SIGNED_IN, Optional.of(r));
    }

    /** The reader signed in on this request, or empty (no cookie, an unknown or expired session, a deleted reader). */
    public Optional<Reader> current(Context ctx) {
        Optional<Reader> known = ctx.attribute(SIGNED_IN);
        if (known != null) return known;
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<Reader> found = id == null || id.length() < 20 ? Optional.empty()
                : jdbi.withHandle(h -> store.bySession(h, hash(id), clock.instant()));
        ctx.attribute(SIGNED_IN, found);
        return found;
    }

    /** Ends the reader session of this request (its row is deleted) and clears both cookies; fine when there is none. */
    public void signOut(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        if (id != null) jdbi.useHandle(h -> store.endSession(h, hash(id)));
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", true, 0));
        ctx.cookie(cookie(ctx, MARK_COOKIE, "", false, 0));
        ctx.attribute(SIGNED_IN, Optional.empty());
    }

    /** Deletes a reader and ends their sessions; their comments are the comments feature's business (see its data page). */
    public void delete(long readerId) {
        jdbi.useTransaction(h -> store.delete(h, readerId));
    }

    /** How many live or expired sessions a reader has (for tests and the data page). */
    public int sessions(long readerId) {
        return jdbi.withHandle(h -> store.sessionCount(h, readerId));
    }

    /**
     * A path on this site to return to: only "/..." paths (not "//", not "/\\", no scheme, no CR/LF), else "/".
     * A fragment is dropped (the sign-in flows add {@code #respond}).
     */
    public static String safeReturn(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000) return "/";
        int hash = path.indexOf('#');
        String p = hash < 0 ? path : path.substring(0, hash);
        if (!p.startsWith("/") || p.startsWith("//") || p.startsWith("/\\")) return "/";
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') return "/";
        }
        try {
            URI uri = new URI(p);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) return "/";
        } catch (URISyntaxException e) {
            return "/";
        }
        return p.isEmpty() ? "/" : p;
    }

    // ---- the choices under the comment form

    /**
     * Offers a provider under the comment form (the owner enabled it). Its start URL is
     * {@code /readers/sign-in/{id}/?return=<path>}. Registering an id again changes its label.
     *
     * @throws IllegalArgumentException when the id is not like {@code google} or {@code oidc:host}, is
     *                                  {@code email}, or the label is blank
     */
    public void registerProvider(String id, String label) {
        if (id == null || !PROVIDER.matcher(id).matches() || id.equals(EmailSignIn.PROVIDER)) {
            throw new IllegalArgumentException("provider id must be like 'google' or 'oidc:id.example' and not 'email', got '" + id + "'");
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("provider '" + id + "' needs a label");
        providers.put(id, label.strip());
    }

    /** Stops offering a provider (disabled or removed by the owner); unknown ids are ignored. */
    public void unregisterProvider(String id) {
        providers.remove(id);
    }

    /**
     * The ways to sign in, for the form on the page at {@code returnPath}: the emailed link first, then each
     * registered provider. Never empty.
     */
    public List<SignInChoice> choices(String returnPath) {
        String back = URLEncoder.encode(safeReturn(returnPath), StandardCharsets.UTF_8);
        List<SignInChoice> all = new ArrayList<>();
        all.add(new SignInChoice(EmailSignIn.PROVIDER, "Email link", "/readers/email/?return=" + back));
        synchronized (providers) {
            providers.forEach((id, label) -> all.add(new SignInChoice(id, label, "/readers/sign-in/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/?return=" + back)));
        }
        return all;
    }

    /**
     * What to call a provider in "You are commenting using your … account": the registered label, "email"
     * for the emailed link, the host for an unregistered {@code oidc:<host>}, else the id itself.
     */
    public String label(String provider) {
        if (EmailSignIn.PROVIDER.equals(provider)) return "email";
        String registered = providers.get(provider);
        if (registered != null) return registered;
        return provider.startsWith("oidc:") ? provider.substring(5) : provider;
    }

    /** The stand-in email stored with the comments of a reader whose provider gave no address; it never receives mail. */
    public static String placeholderEmail(long readerId) {
        return "reader-" + readerId + PLACEHOLDER_DOMAIN;
    }

    /** Whether {@code email} is such a stand-in (so nothing is ever sent to it). */
    public static boolean isPlaceholder(String email) {
        return email != null && email.endsWith(PLACEHOLDER_DOMAIN);
    }

    /** Hourly: forgets expired sessions and old sign-in links. */
    public Job cleanupJob() {
        return new Job("reader-cleanup", Duration.ofHours(1), () -> jdbi.inTransaction(h -> store.purge(h, clock.instant())));
    }

    // ---- helpers

    Jdbi jdbi() {
        return jdbi;
    }

    Clock clock() {
        return clock;
    }

    ReaderStore store() {
        return store;
    }

    private static Cookie cookie(Context ctx, String name, String value, boolean httpOnly, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(httpOnly);
        c.setSecure(Cookies.secure(ctx));
        c.setSameSite(SameSite.LAX);
        return c;
    }

    /** An absolute https (or, when {@code httpToo}, http) URL with a host and no user info; else null. */
    private static String webAddress(String url, boolean httpToo) {
        if (url == null || url.isBlank() || url.length() > Profile.MAX_URL) return null;
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = scheme.equals("https") || httpToo && scheme.equals("http");
            return ok && uri.getHost() != null && uri.getRawUserInfo() == null ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String hash(String token) {
        return dev.kioku.web.Tokens.sha256(token);
    }

    static String randomToken() {
        return dev.kioku.web.Tokens.random(32);
    }
}
