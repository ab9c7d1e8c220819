package dev.kioku.readers.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.kioku.net.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenID Connect discovery documents, fetched through the {@link HttpFetcher} and kept for an hour. A document is
 * only believed when it names the issuer it was fetched for (OpenID Connect Discovery §4.3), so a document
 * cannot send tokens from one issuer to be trusted as another's.
 */
final class Discovery {
    private static final Duration KEEP = Duration.ofHours(1);
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(OIDCProviderMetadata metadata, Instant fetchedAt) {
    }

    Discovery(HttpFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The issuer's metadata, from the cache while it is fresh. @throws IOException as {@link #fetch} */
    OIDCProviderMetadata of(URI issuer) throws IOException {
        Cached c = cache.get(issuer);
        if (c != null && c.fetchedAt().plus(KEEP).isAfter(clock.instant())) return c.metadata();
        OIDCProviderMetadata m = fetch(issuer);
        cache.put(issuer, new Cached(m, clock.instant()));
        return m;
    }

    /**
     * Fetches the document now, bypassing the cache.
     *
     * @throws IOException with a sentence for the owner when it cannot be fetched, is not a discovery document,
     *                     names another issuer, or lacks the endpoints a sign-in needs
     */
    OIDCProviderMetadata fetch(URI issuer) throws IOException {
        String base = issuer.toString().endsWith("/") ? issuer.toString().substring(0, issuer.toString().length() - 1) : issuer.toString();
        URI wellKnown = URI.create(base + "/.well-known/openid-configuration");
        HttpFetcher.Response r = fetcher.get(wellKnown, Map.of("Accept", "application/json"));
        if (r.status() != 200) throw new IOException(wellKnown + " answered " + r.status() + ", not a discovery document");
        OIDCProviderMetadata m;
        try {
            m = OIDCProviderMetadata.parse(r.body());
        } catch (ParseException e) {
            throw new IOException(wellKnown + " is not an OpenID Connect discovery document (" + e.getMessage() + ")");
        }
        if (!m.getIssuer().getValue().equals(issuer.toString())) {
            throw new IOException("the discovery document names the issuer " + m.getIssuer().getValue() + ", not " + issuer);
        }
        if (m.getAuthorizationEndpointURI() == null || m.getTokenEndpointURI() == null || m.getJWKSetURI() == null) {
            throw new IOException("the discovery document lacks an authorization, token or key set endpoint");
        }
        return m;
    }
}
