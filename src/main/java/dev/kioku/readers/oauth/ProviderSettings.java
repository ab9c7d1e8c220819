package dev.kioku.readers.oauth;

import java.net.URI;

/**
 * What the owner set for one provider (Settings → Sign-in for readers), kept as {@code readers.<id>.*} settings.
 *
 * @param issuer the issuer of an OpenID Connect provider the owner added; null for the built-in presets
 * @param clientSecret never shown back, never logged ({@link #toString()} masks it); "" when not set
 */
public record ProviderSettings(String id, String label, boolean enabled, String clientId, String clientSecret, URI issuer) {
    public ProviderSettings {
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret.strip();
    }

    /** True when a sign-in can start: enabled with a client id and secret. */
    public boolean usable() {
        return enabled && !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", label=" + label + ", enabled=" + enabled + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isEmpty() ? "unset" : "****") + ", issuer=" + issuer + "]";
    }
}
