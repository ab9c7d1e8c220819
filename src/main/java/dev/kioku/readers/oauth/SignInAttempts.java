package dev.kioku.readers.oauth;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.kioku.readers.Readers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * A sign-in from its start to its callback. The {@code state} sent to the provider is random; the row it keys
 * ({@link AttemptStore}) holds the PKCE verifier and nonce, and is deleted by the first callback that names it,
 * so a state is good once, for {@value #MINUTES} minutes, and only in the browser that started it (the hash of
 * a random cookie is kept with it: a callback link sent to someone else signs nobody in).
 *
 * <p>Why a table and not an encrypted cookie: a cookie cannot be used up, so a replayed callback would go
 * through again while it lasts; a row deleted on use cannot, and every node sees it.
 */
final class SignInAttempts {
    static final int MINUTES = 10;
    private final AttemptStore store;
    private final SignInFlow flow;
    private final Clock clock;
    private final Function<String, URI> callback;

    /** @param callback the exact redirect URI registered for a provider id */
    SignInAttempts(AttemptStore store, SignInFlow flow, Clock clock, Function<String, URI> callback) {
        this.store = store;
        this.flow = flow;
        this.clock = clock;
        this.callback = callback;
    }

    /** Where the start page sends the reader. */
    record Started(URI authorization) {
    }

    /** Who signed in, and where they go next. */
    record Finished(Readers.Profile profile, String returnPath, boolean popup) {
    }

    /**
     * Keeps a new attempt and builds the provider's authorization URL.
     *
     * @param browser the random value of this browser's binding cookie
     * @throws SignInRefused when an OpenID Connect provider's discovery document cannot be had
     */
    Started start(Provider p, String returnPath, boolean popup, String browser) {
        SignInFlow.Secrets s = SignInFlow.Secrets.fresh();
        URI authorization = flow.authorizationUri(p, callback.apply(p.id()), s);
        Instant now = clock.instant();
        String nonce = p.preset() instanceof Preset.Oidc ? s.nonce().getValue() : null;
        store.add(sha256(s.state().getValue()), new AttemptStore.Attempt(p.id(), sha256(browser), s.verifier().getValue(),
                nonce, returnPath, popup, now.plus(Duration.ofMinutes(MINUTES))), now);
        return new Started(authorization);
    }

    /**
     * Checks the callback and finds out who signed in.
     *
     * @param params  the callback's query parameters ({@code state}, {@code code} or {@code error}…)
     * @param browser this browser's binding cookie, or null
     * @throws SignInRefused for a missing, unknown, used, expired or foreign state, a provider error, or any
     *                       failure of the exchange or the ID token checks
     */
    Finished finish(Provider p, Map<String, String> params, String browser) {
        String state = params.get("state");
        if (state == null || state.isBlank()) throw new SignInRefused("This sign-in link is incomplete: it has no state.");
        AttemptStore.Attempt a = store.take(sha256(state)).orElseThrow(() -> new SignInRefused(
                "This sign-in link is not valid: it was already used, has expired, or was changed on the way."));
        if (!a.provider().equals(p.id())) throw new SignInRefused("This sign-in was started with another provider.");
        if (browser == null || !MessageDigest.isEqual(sha256(browser).getBytes(StandardCharsets.UTF_8),
                a.browserHash().getBytes(StandardCharsets.UTF_8))) {
            throw new SignInRefused("This sign-in was started in another browser. Start again from the comment form.");
        }
        if (!a.expiresAt().isAfter(clock.instant())) {
            throw new SignInRefused("This sign-in took longer than " + MINUTES + " minutes. Please start again.");
        }
        if (params.get("error") != null) {
            String why = params.get("error_description");
            throw new SignInRefused(p.label() + " did not sign you in (" + params.get("error") + (why == null ? "" : ": " + why) + ").");
        }
        String iss = params.get("iss");
        if (iss != null && p.preset() instanceof Preset.Oidc o && !iss.equals(o.issuer().toString())) {
            throw new SignInRefused("The answer came from " + iss + ", not from " + p.label() + ".");
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) throw new SignInRefused(p.label() + " sent no authorization code.");
        Readers.Profile profile = flow.finish(p, code, callback.apply(p.id()), new CodeVerifier(a.codeVerifier()), a.nonce());
        return new Finished(profile, Readers.safeReturn(a.returnPath()), a.popup());
    }

    static String sha256(String s) {
        return dev.kioku.web.Tokens.sha256(s);
    }
}
