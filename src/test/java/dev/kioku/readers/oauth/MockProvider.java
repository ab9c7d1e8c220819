package dev.kioku.readers.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect server (mock-oauth2-server) on 127.0.0.1 for the length of a test. Its issuer is read
 * from its well-known URL: it calls itself {@code localhost} even when bound to 127.0.0.1, and the discovery
 * document is what Kioku believes.
 */
public final class MockProvider implements AutoCloseable {
    static final String CLIENT_ID = "kioku-blog";
    static final String CLIENT_SECRET = "s3cret-from-the-provider";
    private final AtomicReference<String> expiredAnswer = new AtomicReference<>();
    final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(), new ArmedTokenAnswer(expiredAnswer));

    MockProvider() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = s.getLocalPort();
            s.close();
            server.start(InetAddress.getByName("127.0.0.1"), port);
            warmUp(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its first answers take seconds while it loads and makes its keys, longer than the blog's test fetcher
     * waits (2 s): ask for its documents once before the blog does.
     */
    public static void warmUp(MockOAuth2Server server) {
        HttpClient http = HttpClient.newHttpClient();
        for (var url : List.of(server.wellKnownUrl("default"), server.jwksUrl("default"))) {
            try {
                http.send(HttpRequest.newBuilder(url.uri()).GET().build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The issuer as its discovery document names it. */
    String issuer() {
        String wellKnown = server.wellKnownUrl("default").toString();
        return wellKnown.substring(0, wellKnown.indexOf("/.well-known/"));
    }

    /** The next ID token says this person, with these extra claims (which may override the standard ones). */
    void nextToken(String subject, Map<String, Object> claims, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT_ID), claims, expirySeconds));
    }

    /**
     * The next code exchange is answered with an ID token signed by the provider's own key that expired ten
     * minutes ago, with an honest {@code expires_in} (as a provider with a slow clock would send): the server's
     * own token endpoint derives {@code expires_in} from {@code exp}, which no client would parse.
     */
    void nextAnswerWithExpiredToken(String nonce) {
        String idToken = server.issueToken("default", CLIENT_ID, new DefaultOAuth2TokenCallback("default", "rin", "JWT",
                List.of(CLIENT_ID), Map.of("iss", issuer(), "nonce", nonce), -600)).serialize();
        expiredAnswer.set("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + idToken + "\"}");
    }

    /** Answers one token request with {@link #expiredAnswer} when it is armed. */
    private static final class ArmedTokenAnswer implements Route {
        private final AtomicReference<String> answer;

        ArmedTokenAnswer(AtomicReference<String> answer) {
            this.answer = answer;
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getMethod().equals("POST") && request.getUrl().encodedPath().endsWith("/token") && answer.get() != null;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, answer.getAndSet(null), null);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
