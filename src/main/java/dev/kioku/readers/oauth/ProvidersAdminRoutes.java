package dev.kioku.readers.oauth;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Permission;
import dev.kioku.web.Invalid;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings → Sign-in for readers ({@code /admin/readers/providers/}), the owner's: each provider's switch, client
 * id and secret (a secret is never shown back; typing one replaces it), the callback URL to register, and
 * OpenID Connect providers added by issuer.
 */
final class ProvidersAdminRoutes implements Routes {
    private static final String PATH = "/admin/readers/providers/";
    private static final String[] NEW_FIELDS = {"id", "label", "issuer", "clientId", "clientSecret"};
    private final Admin admin;
    private final SignInProviders providers;

    ProvidersAdminRoutes(Admin admin, SignInProviders providers) {
        this.admin = admin;
        this.providers = providers;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/admin/readers/providers", ctx -> show(ctx, Fields.empty()));
        pages.routes().post("/admin/readers/providers", this::save);
        pages.routes().post("/admin/readers/providers/add", this::add);
        pages.routes().post("/admin/readers/providers/remove", this::remove);
    }

    private void save(Context ctx) {
        Admin.require(ctx, Permission.ADMINISTER);
        String id = ctx.formParam("provider") == null ? "" : ctx.formParam("provider");
        String clientId = value(ctx, "clientId");
        boolean enabled = "on".equals(ctx.formParam("enabled"));
        try {
            providers.save(id, enabled, clientId, ctx.formParam("clientSecret"));
            ctx.redirect(PATH + "?notice=providers-saved", HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put(id + ".clientId", clientId);
            typed.put(id + ".enabled", enabled ? "on" : "");
            ctx.status(422);
            show(ctx, Fields.of(typed).withErrors(e.fields()));
        }
    }

    private void add(Context ctx) {
        Admin.require(ctx, Permission.ADMINISTER);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : NEW_FIELDS) if (!name.equals("clientSecret")) typed.put("new." + name, value(ctx, name));
        try {
            providers.addOidc(value(ctx, "id"), value(ctx, "label"), value(ctx, "issuer"), value(ctx, "clientId"),
                    value(ctx, "clientSecret"));
            ctx.redirect(PATH + "?notice=provider-added", HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            ctx.status(422);
            show(ctx, Fields.of(typed).withErrors(e.fields()));
        }
    }

    private void remove(Context ctx) {
        Admin.require(ctx, Permission.ADMINISTER);
        providers.remove(value(ctx, "provider"));
        ctx.redirect(PATH + "?notice=provider-removed", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, Fields typed) {
        Admin.require(ctx, Permission.ADMINISTER);
        List<Provider> all = providers.all();
        Map<String, String> saved = new LinkedHashMap<>();
        for (Provider p : all) {
            saved.put(p.id() + ".clientId", p.settings().clientId());
            saved.put(p.id() + ".enabled", p.settings().enabled() ? "on" : "");
        }
        List<ProvidersView.Row> rows = all.stream().map(p -> ProvidersView.Row.of(p, providers.callbackUrl(p.id()))).toList();
        admin.render(ctx, "readers/admin-providers.jte", new ProvidersView(admin.frame(ctx, "settings"),
                typed.withDefaults(saved), rows, providers.callbackUrl("{id}")));
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
