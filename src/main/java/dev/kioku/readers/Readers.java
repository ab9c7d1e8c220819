package dev.kioku.readers;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-in for the reader identities built on the {@code readers} branch, with the same public surface; it
 * keeps readers and sessions in memory. Replaced by that branch's version at merge.
 */
public final class Readers {
    private static final String COOKIE = "kioku_reader";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Reader> byIdentity = new ConcurrentHashMap<>();
    private final Map<String, Reader> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> providers = new LinkedHashMap<>();

    public Readers(Clock clock) {
        this.clock = clock;
    }

    /** What a provider says about a person. */
    public record Profile(String provider, String subject, String displayName, String email, String avatarUrl,
                          String profileUrl) {
    }

    /** The reader for this provider and subject, created or brought up to date. */
    public Reader upsert(Profile p) {
        return byIdentity.compute(p.provider() + "\n" + p.subject(), (k, old) -> new Reader(
                old == null ? ids.incrementAndGet() : old.id(), p.provider(), p.subject(), p.displayName(), p.email(),
                p.avatarUrl(), p.profileUrl(), old == null ? clock.instant() : old.createdAt()));
    }

    /** Starts a new reader session (a new id, whatever the browser sent) and sets its cookie. */
    public void signIn(Context ctx, Reader r) {
        signOut(ctx);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, r);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** The signed-in reader, or empty. */
    public Optional<Reader> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        return token == null ? Optional.empty() : Optional.ofNullable(sessions.get(token));
    }

    /** Ends the reader session, if any. */
    public void signOut(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) sessions.remove(token);
    }

    /** {@code path} when it is a path on this site, else {@code "/"}. */
    public static String safeReturn(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "/";
        return path;
    }

    /** Offers a provider under the comment form. */
    public synchronized void registerProvider(String id, String label) {
        providers.put(id, label);
    }

    /** The providers offered, each starting a sign-in that comes back to {@code returnPath}. */
    public synchronized List<SignInChoice> choices(String returnPath) {
        String back = URLEncoder.encode(safeReturn(returnPath), StandardCharsets.UTF_8);
        List<SignInChoice> out = new ArrayList<>();
        providers.forEach((id, label) -> out.add(new SignInChoice(id, label, "/readers/sign-in/" + id + "/?return=" + back)));
        return out;
    }
}
