package dev.kioku.readers;

import java.time.Instant;

/**
 * A reader who signed in to comment: not staff, and with no rights beyond their own comments.
 *
 * @param provider    who vouched for them: {@code google}, {@code github}, {@code oidc:<host>}, {@code email}…
 * @param subject     the provider's stable id for them (for {@code email}, the lower-cased address)
 * @param email       the address the provider gave, or null
 * @param avatarUrl   an https picture the provider gave, or null
 * @param profileUrl  an http(s) profile page the provider gave, or null
 */
public record Reader(long id, String provider, String subject, String displayName, String email, String avatarUrl,
                     String profileUrl, Instant createdAt) {
}
