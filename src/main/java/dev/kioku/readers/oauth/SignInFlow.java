package dev.kioku.readers.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.kioku.net.HttpFetcher;
import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization code flow against one configured provider, built with Nimbus and sent through the
 * {@link HttpFetcher}: the authorization request (code, PKCE S256, state, and a nonce for OpenID Connect), the
 * code exchange, ID token validation (signature by the issuer's key set, {@code iss}, {@code aud}, {@code exp},
 * {@code nonce}) or the provider's profile API, and the resulting profile.
 *
 * <p>Why the ID token's times are checked against the system clock, not the app's {@code Clock}: the provider
 * stamped them with the real time, and Nimbus's validator reads the real time; the app clock is used for
 * everything Kioku itself decides (how long an attempt lives).
 */
final class SignInFlow {
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    private final HttpFetcher fetcher;
    private final Discovery discovery;
    private final FetcherRetriever retriever;
    private final Map<URI, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    SignInFlow(HttpFetcher fetcher, Discovery discovery) {
        this.fetcher = fetcher;
        this.discovery = discovery;
        this.retriever = new FetcherRetriever(fetcher);
    }

    /** Secrets of one attempt, made at its start and checked at its end. */
    record Secrets(State state, CodeVerifier verifier, Nonce nonce) {
        static Secrets fresh() {
            return new Secrets(new State(), new CodeVerifier(), new Nonce());
        }
    }

    /**
     * Where to send the reader.
     *
     * @throws SignInRefused when the provider's discovery document cannot be had
     */
    URI authorizationUri(Provider p, URI redirect, Secrets s) {
        ClientID client = new ClientID(p.settings().clientId());
        if (p.preset() instanceof Preset.OAuth2 o) {
            return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                    .endpointURI(o.authorization()).redirectionURI(redirect).scope(new Scope(o.scopes().toArray(String[]::new)))
                    .state(s.state()).codeChallenge(s.verifier(), CodeChallengeMethod.S256).build().toURI();
        }
        Preset.Oidc oidc = (Preset.Oidc) p.preset();
        OIDCProviderMetadata m = metadata(p);
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope(oidc.scopes().toArray(String[]::new)), client, redirect)
                .endpointURI(m.getAuthorizationEndpointURI()).state(s.state()).nonce(s.nonce())
                .codeChallenge(s.verifier(), CodeChallengeMethod.S256).build().toURI();
    }

    /**
     * Exchanges the code and finds out who signed in.
     *
     * @param nonce the attempt's nonce; null for plain OAuth 2.0
     * @throws SignInRefused when the provider refuses the code, the ID token fails any check, or the profile
     *                       cannot be read
     */
    Readers.Profile finish(Provider p, String code, URI redirect, CodeVerifier verifier, String nonce) {
        boolean oidc = p.preset() instanceof Preset.Oidc;
        OIDCProviderMetadata m = oidc ? metadata(p) : null;
        URI tokenEndpoint = oidc ? m.getTokenEndpointURI() : ((Preset.OAuth2) p.preset()).token();
        TokenRequest request = new TokenRequest.Builder(tokenEndpoint, clientAuth(p, m),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier)).build();
        TokenResponse response = send(request, oidc, p.preset().label());
        if (!response.indicatesSuccess()) {
            var error = response.toErrorResponse().getErrorObject();
            throw new SignInRefused(p.preset().label() + " did not accept the sign-in (" + error.getCode()
                    + (error.getDescription() == null ? "" : ": " + error.getDescription()) + ").");
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        String accessToken = tokens.getAccessToken().getValue();
        try {
            if (!oidc) return ((Preset.OAuth2) p.preset()).profile().fetch(accessToken, this::api);
            if (!(response instanceof OIDCTokenResponse o) || o.getOIDCTokens().getIDToken() == null) {
                throw new SignInRefused(p.preset().label() + " sent no ID token.");
            }
            Map<String, Object> claims = new HashMap<>(validate(p, m, o, nonce));
            if (claims.get("name") == null && m.getUserInfoEndpointURI() != null) addUserInfo(claims, m.getUserInfoEndpointURI(), accessToken);
            return OidcClaims.profile(p.preset().id(), claims);
        } catch (IOException | IllegalArgumentException e) {
            throw new SignInRefused("Could not read your profile from " + p.preset().label() + ".", e);
        }
    }

    private Map<String, Object> validate(Provider p, OIDCProviderMetadata m, OIDCTokenResponse o, String nonce) {
        List<JWSAlgorithm> offered = m.getIDTokenJWSAlgs() == null ? List.of(JWSAlgorithm.RS256) : m.getIDTokenJWSAlgs();
        Set<JWSAlgorithm> algorithms = new java.util.HashSet<>(offered);
        algorithms.retainAll(ASYMMETRIC);
        if (algorithms.isEmpty()) throw new SignInRefused(p.preset().label() + " signs its ID tokens in a way Kioku does not accept.");
        JWKSource<SecurityContext> keys = keySets.computeIfAbsent(m.getJWKSetURI(), uri -> {
            try {
                return JWKSourceBuilder.create(uri.toURL(), retriever).build();
            } catch (java.net.MalformedURLException e) {
                throw new SignInRefused(p.preset().label() + "'s key set address is not a URL.", e);
            }
        });
        IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), new ClientID(p.settings().clientId()),
                new JWSVerificationKeySelector<>(algorithms, keys), null);
        try {
            return validator.validate(o.getOIDCTokens().getIDToken(), new Nonce(nonce)).toJSONObject();
        } catch (BadJOSEException e) {
            throw new SignInRefused("The identity token from " + p.preset().label() + " failed its checks (" + e.getMessage() + ").", e);
        } catch (JOSEException e) {
            throw new SignInRefused("The identity token from " + p.preset().label() + " could not be checked.", e);
        }
    }

    private void addUserInfo(Map<String, Object> claims, URI endpoint, String accessToken) throws IOException {
        var info = Json.parse(api(endpoint, accessToken));
        if (!String.valueOf(claims.get("sub")).equals(Json.text(info, "sub"))) throw new IOException("UserInfo names another person");
        info.properties().forEach(e -> claims.putIfAbsent(e.getKey(), Json.text(info, e.getKey())));
    }

    private OIDCProviderMetadata metadata(Provider p) {
        try {
            return discovery.of(((Preset.Oidc) p.preset()).issuer());
        } catch (IOException e) {
            throw new SignInRefused(p.preset().label() + " cannot be reached right now. Please try again later.", e);
        }
    }

    private static ClientAuthentication clientAuth(Provider p, OIDCProviderMetadata m) {
        ClientID id = new ClientID(p.settings().clientId());
        Secret secret = new Secret(p.settings().clientSecret());
        boolean post = p.preset() instanceof Preset.OAuth2 o ? o.auth() == Preset.ClientAuth.POST
                : m.getTokenEndpointAuthMethods() != null
                && !m.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && m.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return post ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }

    /** Sends Nimbus's token request through the fetcher and lets Nimbus read the answer. */
    private TokenResponse send(TokenRequest request, boolean oidc, String label) {
        HTTPRequest http = request.toHTTPRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        http.getHeaderMap().forEach((name, values) -> headers.put(name, values.get(0)));
        headers.put("Accept", "application/json");
        try {
            Map<String, String> form = new LinkedHashMap<>();
            http.getBodyAsFormParameters().forEach((name, values) -> form.put(name, values.get(0)));
            HttpFetcher.Response r = fetcher.postForm(http.getURI(), form, headers);
            HTTPResponse answer = new HTTPResponse(r.status());
            r.headers().firstValue("Content-Type").ifPresent(type -> answer.setHeader("Content-Type", type));
            answer.setBody(r.body());
            return oidc ? OIDCTokenResponseParser.parse(answer) : TokenResponse.parse(answer);
        } catch (IOException e) {
            throw new SignInRefused(label + " cannot be reached right now. Please try again later.", e);
        } catch (ParseException e) {
            throw new SignInRefused(label + " answered the sign-in with something Kioku cannot read.", e);
        }
    }

    private String api(URI uri, String accessToken) throws IOException {
        HttpFetcher.Response r = fetcher.get(uri, Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"));
        if (r.status() != 200) throw new IOException(uri.getHost() + " answered " + r.status());
        return r.body();
    }
}
