package dev.kioku.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The picture beside a comment: the commenter's Gravatar when the blog lets Gravatar see hashed emails,
 * otherwise (and as Gravatar's fallback) an identicon drawn here. Our URLs carry a hash of the address keyed
 * with a site secret, so with Gravatar off nobody can confirm a guessed address from a page.
 */
public final class Avatars {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    private final String publicBase;
    private final BooleanSupplier gravatar;
    private final byte[] secret;
    /**
     * URLs already made, by Gravatar on or off, email and name: a post page shows dozens of commenters, and the
     * same ones on many posts; hashing each of them again was about 3% of the CPU of a render (issue 8, W6).
     */
    private final Cache<Made, String> made = Caffeine.newBuilder().maximumSize(4_096).build();
    /** HMAC-SHA256 keyed with the secret, copied for each hash (looking one up and keying it costs more), or null. */
    private final javax.crypto.Mac keyedMac;

    /**
     * @param publicBase the site's public address, e.g. {@code https://blog.example}; a trailing slash is dropped
     * @param gravatar   asked on every call whether Gravatar is on (a discussion setting)
     */
    public Avatars(String publicBase, BooleanSupplier gravatar) {
        this(publicBase, gravatar, "");
    }

    /**
     * @param secret keys the hash in our identicon URLs (a site secret), so an address cannot be confirmed by
     *               hashing a guess; "" leaves it a plain SHA-256
     */
    public Avatars(String publicBase, BooleanSupplier gravatar, String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        String base = Objects.requireNonNull(publicBase, "publicBase");
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.gravatar = Objects.requireNonNull(gravatar, "gravatar");
        this.keyedMac = this.secret.length == 0 ? null : newMac();
    }

    /**
     * The image URL for a commenter. With Gravatar on and an email:
     * {@code https://www.gravatar.com/avatar/{sha256 of the email}?s=80&d={our identicon as PNG, absolute}}.
     * Otherwise our identicon's site-relative URL {@code /avatars/{hash}.svg}. Email case and surrounding
     * spaces do not matter; without an email (null or blank) the name picks the identicon.
     */
    public String url(String email, String name) {
        boolean withGravatar = gravatar.getAsBoolean();
        return made.get(new Made(withGravatar, email, name), k -> url(email, name, withGravatar));
    }

    /** What a URL is made from; a record, as a joined string would make a null email and "null" one key. */
    private record Made(boolean gravatar, String email, String name) {
    }

    private String url(String email, String name, boolean withGravatar) {
        String address = email == null || email.isBlank() ? null : normalize(email);
        String identicon = "/avatars/" + keyed(address != null ? address : normalize(name == null ? "" : name)) + ".svg";
        if (address == null || !withGravatar) return identicon;
        // Gravatar shows a default only if it is a raster image it can fetch: the PNG twin of our identicon
        return "https://www.gravatar.com/avatar/" + sha256(address) + "?s=80&d="
                + URLEncoder.encode(publicBase + identicon.replace(".svg", ".png"), StandardCharsets.UTF_8);
    }

    /**
     * The identicon SVG for a hash taken from such a URL; the same hash always gives the same bytes.
     *
     * @throws IllegalArgumentException unless {@code hash} is 32 lowercase hex digits
     */
    public byte[] identicon(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) throw new IllegalArgumentException("not an avatar hash: " + hash);
        return Identicon.svg(hash);
    }

    /** The same identicon as a PNG (Gravatar's default image). @throws IllegalArgumentException as {@link #identicon} */
    public byte[] identiconPng(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) throw new IllegalArgumentException("not an avatar hash: " + hash);
        return Identicon.png(hash);
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** 32 hex digits of HMAC-SHA256 under the site secret (of SHA-256 when there is none). */
    private String keyed(String s) {
        if (keyedMac == null) return sha256(s).substring(0, 32);
        javax.crypto.Mac mac;
        try {
            mac = (javax.crypto.Mac) keyedMac.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac();
        }
        return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String sha256(String s) {
        return dev.kioku.web.Tokens.sha256(s);
    }
}
