package dev.kioku.readers.oauth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Sign-ins in flight ({@code reader_auth_attempts}), keyed by the SHA-256 of their {@code state}. */
final class AttemptStore {
    private final Jdbi jdbi;

    AttemptStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One sign-in on its way to the provider. */
    record Attempt(String provider, String browserHash, String codeVerifier, String nonce, String returnPath,
                   boolean popup, Instant expiresAt) {
    }

    /** Keeps an attempt, dropping those that expired before {@code now}. */
    void add(String stateHash, Attempt a, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from reader_auth_attempts where expires_at < :now").bind("now", now).execute();
            h.createUpdate("""
                    insert into reader_auth_attempts (state_hash, browser_hash, provider, code_verifier, nonce, return_path,
                                                      popup, created_at, expires_at)
                    values (:state, :browser, :provider, :verifier, :nonce, :return, :popup, :now, :expires)""")
                    .bind("state", stateHash).bind("browser", a.browserHash()).bind("provider", a.provider())
                    .bind("verifier", a.codeVerifier()).bind("nonce", a.nonce()).bind("return", a.returnPath())
                    .bind("popup", a.popup()).bind("now", now).bind("expires", a.expiresAt()).execute();
        });
    }

    /** Removes and returns the attempt, so a second callback with the same state finds nothing; empty if none. */
    Optional<Attempt> take(String stateHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        delete from reader_auth_attempts where state_hash = :state
                        returning provider, browser_hash, code_verifier, nonce, return_path, popup, expires_at""")
                .bind("state", stateHash)
                .map((rs, ctx) -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7))))
                .findOne());
    }
}
