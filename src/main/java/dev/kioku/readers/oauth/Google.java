package dev.kioku.readers.oauth;

import java.net.URI;

/** Google Sign-In: plain OpenID Connect, the person read from the signed ID token ({@link OidcClaims}). */
final class Google {
    static final Preset.Oidc PRESET = new Preset.Oidc("google", "Google", URI.create("https://accounts.google.com"),
            OidcClaims.SCOPES);

    private Google() {
    }
}
