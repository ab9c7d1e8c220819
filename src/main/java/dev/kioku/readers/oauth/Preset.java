package dev.kioku.readers.oauth;

import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One kind of account a reader can sign in with: where to send them and how the answer becomes a
 * {@link Readers.Profile}. OpenID Connect providers name only their issuer (the rest comes from its discovery
 * document, and the person from the signed ID token); plain OAuth 2.0 providers name their endpoints and read
 * the person from their own API with the access token.
 */
sealed interface Preset permits Preset.Oidc, Preset.OAuth2 {
    String id();

    String label();

    List<String> scopes();

    /** An OpenID Connect provider found through {@code issuer + "/.well-known/openid-configuration"}. */
    record Oidc(String id, String label, URI issuer, List<String> scopes) implements Preset {
        public Oidc {
            scopes = List.copyOf(scopes);
        }
    }

    /** An OAuth 2.0 provider with its endpoints, how it wants the client secret, and how to ask who signed in. */
    record OAuth2(String id, String label, URI authorization, URI token, List<String> scopes, ClientAuth auth,
                  ProfileSource profile) implements Preset {
        public OAuth2 {
            scopes = List.copyOf(scopes);
        }
    }

    /** How the client secret travels to the token endpoint. */
    enum ClientAuth { BASIC, POST }

    /** Asks a provider's API who owns an access token. */
    @FunctionalInterface
    interface ProfileSource {
        Readers.Profile fetch(String accessToken, Api api) throws IOException;
    }

    /** A GET to a provider's API with the access token as bearer, answering the JSON body of a 200. */
    @FunctionalInterface
    interface Api {
        /** @throws IOException on network failure or any status but 200 */
        String get(URI uri, String accessToken) throws IOException;
    }
}
