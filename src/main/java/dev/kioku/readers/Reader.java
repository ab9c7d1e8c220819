package dev.kioku.readers;

import java.time.Instant;

/** A reader signed in with an account from elsewhere: not staff, never in the admin. */
public record Reader(long id, String provider, String subject, String displayName, String email, String avatarUrl,
                     String profileUrl, Instant createdAt) {
}
