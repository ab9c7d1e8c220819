package dev.kioku.readers;

import dev.kioku.mail.Mail;
import dev.kioku.mail.Outbox;
import dev.kioku.web.Invalid;
import dev.kioku.web.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Passwordless sign-in: a one-time link by email, valid {@link #LINK_LIFE}, used once.
 *
 * <p>Why a confirm step: mail scanners and link previews open links on their own. Opening the link only shows
 * a button; the POST behind it uses the link and signs in. Why the same answer for every address: the form
 * must not tell a stranger whether an address has been here. Only the token's SHA-256 is stored.
 */
final class EmailSignIn {
    static final String PROVIDER = "email";
    static final Duration LINK_LIFE = Duration.ofMinutes(15);
    static final int PER_IP = 5;
    static final int PER_ADDRESS = 3;
    static final Duration LIMIT_WINDOW = Duration.ofMinutes(15);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Readers readers;
    private final Outbox outbox;
    private final String publicBase;
    private final Supplier<String> siteTitle;
    private final Runnable sendNow;
    private final RateLimit perIp;
    private final RateLimit perAddress;

    /** A reader asked too often from one address; {@code wait} until they may again. */
    static final class TooMany extends RuntimeException {
        final Duration wait;

        TooMany(Duration wait) {
            super("too many sign-in links", null, false, false);
            this.wait = wait;
        }
    }

    /** A link used: who signed in, and where they were. */
    record Redeemed(Reader reader, String returnPath) {
    }

    /**
     * @param publicBase the site's public address, for the link in the mail
     * @param sendNow    asked after a link is queued, so it leaves at once rather than at the outbox job's next run
     */
    EmailSignIn(Readers readers, Outbox outbox, String publicBase, Supplier<String> siteTitle, Runnable sendNow) {
        this.readers = readers;
        this.outbox = outbox;
        this.publicBase = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        this.siteTitle = siteTitle;
        this.sendNow = sendNow;
        this.perIp = new RateLimit(readers.clock(), PER_IP, LIMIT_WINDOW);
        this.perAddress = new RateLimit(readers.clock(), PER_ADDRESS, LIMIT_WINDOW);
    }

    /** The address as stored: trimmed and lower-cased. @throws Invalid ({@code email}) when it is no address */
    static String address(String typed) {
        String email = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) throw Invalid.field("email", "Please give your email address.");
        if (!Mail.isAddress(email) || email.endsWith(Readers.PLACEHOLDER_DOMAIN)) {
            throw Invalid.field("email", "This does not look like an email address (name@example.com).");
        }
        return email;
    }

    /**
     * Mails a sign-in link to {@code email}, unless that address had {@value #PER_ADDRESS} links in the last
     * 15 minutes (then nothing is sent, and the caller answers the same).
     *
     * @throws Invalid when the address is not one
     * @throws TooMany when this IP asked {@value #PER_IP} times in 15 minutes
     */
    void request(String typedEmail, String returnPath, String ip) {
        String email = address(typedEmail);
        String ipKey = ip == null ? "" : ip;
        Duration wait = perIp.acquire(ipKey);
        if (!wait.isZero()) throw new TooMany(wait);
        if (!perAddress.acquire(email).isZero()) return;
        String token = Readers.randomToken();
        Instant now = readers.clock().instant();
        String title = siteTitle.get();
        String link = publicBase + "/readers/email/" + token + "/";
        Mail mail = new Mail(email, "Sign in to comment on " + oneLine(title),
                "Someone, probably you, asked to sign in to " + title + " with this address to comment.\n\n"
                        + "Open this link within 15 minutes to sign in (it works once):\n" + link + "\n\n"
                        + "If it was not you, ignore this email: nothing happens without the link.\n", null, null);
        readers.jdbi().useTransaction(h -> {
            readers.store().insertLink(h, Readers.hash(token), email, Readers.safeReturn(returnPath), now, now.plus(LINK_LIFE));
            outbox.enqueue(h, mail);
        });
        sendNow.run();
    }

    /** The address a link signs in, while it is unused and fresh; else empty (also for malformed tokens). */
    Optional<String> peek(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) return Optional.empty();
        return readers.jdbi().withHandle(h -> readers.store().liveLink(h, Readers.hash(token), readers.clock().instant()))
                .map(ReaderStore.Link::email);
    }

    /** The name an address signed in with before, else the part before the @. */
    String nameFor(String email) {
        return readers.find(PROVIDER, email).map(Reader::displayName).orElse(email.substring(0, email.indexOf('@')));
    }

    /**
     * Uses a link: the reader for its address is found or made, named {@code typedName} (when blank: as before,
     * or the part before the @).
     *
     * @return empty when the link is unknown, used or expired: then nothing changes
     */
    Optional<Redeemed> redeem(String token, String typedName) {
        if (token == null || !TOKEN.matcher(token).matches()) return Optional.empty();
        String hash = Readers.hash(token);
        Instant now = readers.clock().instant();
        Optional<ReaderStore.Link> link = readers.jdbi().inTransaction(h -> {
            Optional<ReaderStore.Link> live = readers.store().liveLink(h, hash, now);
            return live.isPresent() && readers.store().useLink(h, hash, now) ? live : Optional.<ReaderStore.Link>empty();
        });
        if (link.isEmpty()) return Optional.empty();
        String email = link.get().email();
        String name = typedName == null || typedName.replaceAll("\\p{Cc}", " ").isBlank() ? nameFor(email) : typedName;
        Reader r = readers.upsert(new Readers.Profile(PROVIDER, email, name, email, null, null));
        return Optional.of(new Redeemed(r, link.get().returnPath()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
