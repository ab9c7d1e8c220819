package dev.kioku.readers.oauth;

import dev.kioku.admin.Admin;
import dev.kioku.net.HttpFetcher;
import dev.kioku.readers.Readers;
import dev.kioku.site.SiteService;
import dev.kioku.web.Invalid;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing readers in with accounts they already have: the built-in presets (Google, Facebook, X, GitHub,
 * WordPress.com) and OpenID Connect providers the owner adds by issuer, each enabled in the admin with the
 * client id and secret of an app registered at the provider with {@link #callbackUrl(String)}.
 */
public final class SignInProviders {
    static final List<Preset> PRESETS = List.of(Google.PRESET, Facebook.PRESET, XPlatform.PRESET, GitHub.PRESET,
            WordPressCom.PRESET);
    private final ProviderStore store;
    private final Discovery discovery;
    private final SignInAttempts attempts;
    private final Readers readers;
    private final Supplier<String> publicBase;
    private final dev.kioku.events.EventBus events;

    /**
     * @param publicBase the blog's absolute address without a trailing slash, asked each time (tests bind port 0)
     * @param events told when the offered providers change: the choices are part of every cached post page
     */
    public SignInProviders(Jdbi jdbi, HttpFetcher fetcher, Readers readers, Clock clock, Supplier<String> publicBase,
                           dev.kioku.events.EventBus events) {
        this.events = events;
        this.store = new ProviderStore(jdbi);
        this.discovery = new Discovery(fetcher, clock);
        this.attempts = new SignInAttempts(new AttemptStore(jdbi), new SignInFlow(fetcher, discovery), clock,
                id -> URI.create(callbackUrl(id)));
        this.readers = readers;
        this.publicBase = publicBase;
    }

    /** Offers every usable provider under the comment form; called at start and after each save. */
    public void registerEnabled() {
        var before = readers.choices("/");
        for (String id : before.stream().map(dev.kioku.readers.SignInChoice::id).toList()) {
            if (!id.equals("email")) readers.unregisterProvider(id);
        }
        for (Provider p : all()) if (p.settings().usable()) readers.registerProvider(p.id(), p.label());
        if (!before.equals(readers.choices("/"))) events.publish(dev.kioku.events.ChangeEvent.of(dev.kioku.events.ChangeEvent.SITE));
    }

    /** The routes of the sign-in itself: start, callback, and the pages a reader may see. */
    public Routes publicRoutes(SiteService site, Templates templates, String popupScriptUrl) {
        return new ReaderSignInRoutes(this, attempts, readers, site, templates, popupScriptUrl);
    }

    /** Settings → Sign-in for readers. */
    public Routes adminRoutes(Admin admin) {
        return new ProvidersAdminRoutes(admin, this);
    }

    /** The exact redirect URI to register at a provider, e.g. {@code https://blog.example/readers/callback/github/}. */
    public String callbackUrl(String id) {
        return publicBase.get() + "/readers/callback/" + id + "/";
    }

    /** The presets, then the added providers, each with its settings (defaults when never saved). */
    List<Provider> all() {
        Map<String, ProviderSettings> saved = store.load();
        List<Provider> out = new ArrayList<>();
        for (Preset p : PRESETS) {
            ProviderSettings s = saved.get(p.id());
            out.add(new Provider(p, s == null || s.issuer() != null
                    ? new ProviderSettings(p.id(), p.label(), false, "", "", null)
                    : new ProviderSettings(p.id(), p.label(), s.enabled(), s.clientId(), s.clientSecret(), null)));
        }
        saved.values().stream().filter(s -> s.issuer() != null && PRESETS.stream().noneMatch(p -> p.id().equals(s.id())))
                .forEach(s -> out.add(new Provider(new Preset.Oidc(s.id(), s.label(), s.issuer(), OidcClaims.SCOPES), s)));
        return out;
    }

    /** The provider with this id when it is enabled with its client id and secret; empty otherwise. */
    Optional<Provider> usable(String id) {
        return all().stream().filter(p -> p.id().equals(id) && p.settings().usable()).findFirst();
    }

    /**
     * Saves one provider's switch and client id; the secret only when one was typed (blank keeps the old).
     *
     * @throws Invalid when it is enabled without a client id or secret, or the id is unknown
     */
    void save(String id, boolean enabled, String clientId, String newSecret) {
        Provider p = all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> Invalid.field("provider", "There is no provider " + id + "."));
        String secret = newSecret == null || newSecret.isBlank() ? p.settings().clientSecret() : newSecret.strip();
        ProviderSettings s = new ProviderSettings(id, p.label(), enabled, clientId, secret, p.settings().issuer());
        Map<String, String> errors = new LinkedHashMap<>();
        if (enabled && s.clientId().isEmpty()) errors.put(id + ".clientId", "Enter the client id " + p.label() + " gave you.");
        if (enabled && s.clientSecret().isEmpty()) errors.put(id + ".clientSecret", "Enter the client secret " + p.label() + " gave you.");
        if (!errors.isEmpty()) throw new Invalid(errors);
        store.save(s);
        registerEnabled();
    }

    /**
     * Adds an OpenID Connect provider after fetching its discovery document.
     *
     * @throws Invalid naming each field that is wrong, the issuer's with what went wrong fetching its document
     */
    void addOidc(String id, String label, String issuer, String clientId, String secret) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = id == null ? "" : id.strip();
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,29}")) {
            errors.put("new.id", "Use 1 to 30 lower-case letters, digits and hyphens, such as “keycloak”.");
        } else if (all().stream().anyMatch(p -> p.id().equals(slug))) {
            errors.put("new.id", "“" + slug + "” is already used by another provider.");
        }
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 60) errors.put("new.label", "Enter the name readers see on the button, up to 60 characters.");
        URI issuerUri = null;
        String typed = issuer == null ? "" : issuer.strip();
        try {
            issuerUri = new URI(typed);
            if (!"https".equals(issuerUri.getScheme()) && !"http".equals(issuerUri.getScheme()) || issuerUri.getHost() == null
                    || issuerUri.getQuery() != null || issuerUri.getFragment() != null) issuerUri = null;
        } catch (URISyntaxException e) {
            issuerUri = null;
        }
        if (issuerUri == null) errors.put("new.issuer", "Enter the issuer's address, such as https://id.example.com/realms/blog.");
        if (clientId == null || clientId.isBlank()) errors.put("new.clientId", "Enter the client id the provider gave you.");
        if (secret == null || secret.isBlank()) errors.put("new.clientSecret", "Enter the client secret the provider gave you.");
        if (issuerUri != null && errors.isEmpty()) {
            try {
                discovery.fetch(issuerUri);
            } catch (IOException e) {
                errors.put("new.issuer", "Kioku could not use this issuer: " + e.getMessage() + ".");
            }
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        store.save(new ProviderSettings(slug, name, true, clientId, secret, issuerUri));
        registerEnabled();
    }

    /** Forgets an added OpenID Connect provider; the presets cannot be removed, only disabled. */
    void remove(String id) {
        // only a known added id reaches the LIKE pattern, so no "%" in a form can widen it
        if (all().stream().anyMatch(p -> p.id().equals(id) && p.settings().issuer() != null)) store.delete(id);
        registerEnabled();
    }
}
