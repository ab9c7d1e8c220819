package dev.kioku.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The comment form's "when was I opened" stamp, signed so a bot cannot claim it waited. The post page is the
 * same cached bytes for everyone, so the page's script asks for a token when a reader starts typing; a
 * comment sent too soon after that is refused, and one without a valid token waits for a moderator.
 */
final class FormToken {
    private final byte[] key;

    FormToken(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    String issue(Instant now) {
        String stamp = Long.toString(now.toEpochMilli());
        return stamp + "." + sign(stamp);
    }

    /** @return when the token was issued; empty when it is missing, malformed or not ours */
    Optional<Instant> issuedAt(String token) {
        if (token == null) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 20) return Optional.empty();
        String stamp = token.substring(0, dot);
        byte[] expected = sign(stamp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(stamp)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String stamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("comment-form:" + stamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
