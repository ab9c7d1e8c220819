package dev.kioku.readers.oauth;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.kioku.net.HttpFetcher;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;

/** Lets Nimbus fetch key sets through the {@link HttpFetcher}, so a provider's JWKS URL gets the SSRF checks too. */
final class FetcherRetriever implements ResourceRetriever {
    private final HttpFetcher fetcher;

    FetcherRetriever(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            HttpFetcher.Response r = fetcher.get(url.toURI(), Map.of("Accept", "application/json"));
            if (r.status() != 200) throw new IOException(url + " answered " + r.status());
            return new Resource(r.body(), r.headers().firstValue("Content-Type").orElse(null));
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + url, e);
        }
    }
}
