package dev.kioku.readers.oauth;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import java.util.List;

/**
 * Settings → Sign-in for readers.
 *
 * @param form         every provider's fields as {@code <id>.clientId}, {@code <id>.enabled}, and the new
 *                     provider's as {@code new.*}; secrets are never in it
 * @param callbackPattern the callback URL with {@code {id}} for the provider's short name
 */
public record ProvidersView(AdminFrame frame, Fields form, List<Row> rows, String callbackPattern) {
    /**
     * @param kind      "OpenID Connect" or "OAuth 2.0"
     * @param issuer    the issuer of an OpenID Connect provider, or null
     * @param secretSet whether a client secret is saved (it is never shown)
     * @param removable true for the providers the owner added
     */
    public record Row(String id, String label, String kind, String issuer, String callbackUrl, boolean secretSet,
                      boolean removable, String appsUrl) {
        static Row of(Provider p, String callbackUrl) {
            boolean oidc = p.preset() instanceof Preset.Oidc;
            String issuer = p.preset() instanceof Preset.Oidc o ? o.issuer().toString() : null;
            return new Row(p.id(), p.label(), oidc ? "OpenID Connect" : "OAuth 2.0", issuer, callbackUrl,
                    !p.settings().clientSecret().isEmpty(), p.settings().issuer() != null, APPS.get(p.id()));
        }

        public String field(String name) {
            return id + "." + name;
        }
    }

    /** Where the owner registers an app for each preset. */
    private static final java.util.Map<String, String> APPS = java.util.Map.of(
            "google", "https://console.cloud.google.com/apis/credentials",
            "facebook", "https://developers.facebook.com/apps/",
            "x", "https://developer.x.com/en/portal/projects-and-apps",
            "github", "https://github.com/settings/developers",
            "wordpress", "https://developer.wordpress.com/apps/");
}
