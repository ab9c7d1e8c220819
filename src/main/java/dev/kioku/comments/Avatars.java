package dev.kioku.comments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The picture beside a comment: the commenter's Gravatar when the blog lets Gravatar see hashed emails,
 * otherwise (and as Gravatar's fallback) an identicon drawn here. Our URLs carry half of a SHA-256 of the
 * address, so they reveal no more about it than Gravatar's own.
 */
public final class Avatars {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    private final String publicBase;
    private final BooleanSupplier gravatar;

    /**
     * @param publicBase the site's public address, e.g. {@code https://blog.example}; a trailing slash is dropped
     * @param gravatar   asked on every call whether Gravatar is on (a discussion setting)
     */
    public Avatars(String publicBase, BooleanSupplier gravatar) {
        String base = Objects.requireNonNull(publicBase, "publicBase");
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.gravatar = Objects.requireNonNull(gravatar, "gravatar");
    }

    /**
     * The image URL for a commenter. With Gravatar on and an email:
     * {@code https://www.gravatar.com/avatar/{sha256 of the email}?s=80&d={our identicon, absolute}}.
     * Otherwise our identicon's site-relative URL {@code /avatars/{hash}.svg}. Email case and surrounding
     * spaces do not matter; without an email (null or blank) the name picks the identicon.
     */
    public String url(String email, String name) {
        String address = email == null || email.isBlank() ? null : normalize(email);
        String identicon = "/avatars/" + sha256(address != null ? address : normalize(name == null ? "" : name)).substring(0, 32) + ".svg";
        if (address == null || !gravatar.getAsBoolean()) return identicon;
        return "https://www.gravatar.com/avatar/" + sha256(address) + "?s=80&d="
                + URLEncoder.encode(publicBase + identicon, StandardCharsets.UTF_8);
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

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
