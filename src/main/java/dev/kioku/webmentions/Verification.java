package dev.kioku.webmentions;

import dev.kioku.content.Post;
import dev.kioku.net.BlockedAddress;
import dev.kioku.net.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a mention's source (through the SSRF guard) and says what it found: the entry, the source gone or
 * no longer linking, or a failure that may pass (network, server error) or will not (a refused address).
 */
final class Verification {
    private static final Logger LOG = LoggerFactory.getLogger(Verification.class);
    /** Tries before a failing source is given up. */
    static final int MAX_ATTEMPTS = 3;

    sealed interface Outcome {
    }

    record Verified(SourcePage.Entry entry) implements Outcome {
    }

    /** The source does not (or no longer) link here, or is gone: a verified mention is deleted. */
    record NotLinking(String reason) implements Outcome {
    }

    /** Worth trying again later. */
    record Transient(String reason) implements Outcome {
    }

    /** Never worth trying again (the guard refused the address). */
    record Refused(String reason) implements Outcome {
    }

    private final HttpFetcher fetcher;
    private final Function<Post, String> permalink;

    /** @param permalink a post's absolute public URL */
    Verification(HttpFetcher fetcher, Function<Post, String> permalink) {
        this.fetcher = fetcher;
        this.permalink = permalink;
    }

    Outcome check(Mention m, Post post) {
        URI source = URI.create(m.source());
        try {
            HttpFetcher.Response r = fetcher.get(source, Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"));
            if (r.status() == 404 || r.status() == 410) return new NotLinking("the source answered " + r.status() + " (gone)");
            if (r.status() >= 500 || r.status() == 429) return new Transient("the source answered " + r.status());
            if (r.status() < 200 || r.status() > 299) return new NotLinking("the source answered " + r.status());
            String type = r.headers().firstValue("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
            if (!type.contains("html")) return new NotLinking("the source is not an HTML page (" + type.split(";")[0].strip() + ")");
            List<URI> targets = List.of(URI.create(m.target()), URI.create(permalink.apply(post)));
            Optional<SourcePage.Entry> entry = SourcePage.read(r.body(), r.uri(), targets);
            return entry.<Outcome>map(Verified::new).orElseGet(() -> new NotLinking("the source does not link to the post"));
        } catch (BlockedAddress e) {
            LOG.info("webmention source {} refused: {}", Links.forLog(source), e.getMessage());
            return new Refused(e.getMessage());
        } catch (IOException e) {
            LOG.info("webmention source {} could not be fetched: {}", Links.forLog(source), e.toString());
            return new Transient(e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** When to try again after {@code attempts} failures: 5 minutes, then 30. */
    static Instant nextTry(Instant now, int attempts) {
        return now.plus(attempts <= 1 ? Duration.ofMinutes(5) : Duration.ofMinutes(30));
    }
}
