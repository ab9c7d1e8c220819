package dev.kioku.site;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Permission;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.web.Invalid;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** {@code /admin/settings/}: the owner's site settings; a save shows on the public site at once. */
public final class SettingsAdminRoutes implements Routes {
    private static final List<String> LANGUAGES = List.of("en", "en-GB", "en-US", "ja", "fr", "de", "es", "it", "nl",
            "pt", "pt-BR", "sv", "nb", "da", "fi", "pl", "cs", "uk", "ru", "tr", "el", "he", "ar", "hi", "ko",
            "zh-Hans", "zh-Hant", "vi", "th", "id");
    private final Admin admin;
    private final SiteService site;
    private final MediaLibrary media;

    public SettingsAdminRoutes(Admin admin, SiteService site, MediaLibrary media) {
        this.admin = admin;
        this.site = site;
        this.media = media;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/admin/settings", ctx -> render(ctx, SettingsForm.of(site.settings())));
        pages.routes().post("/admin/settings", this::save);
    }

    private void save(Context ctx) {
        Admin.require(ctx, Permission.ADMINISTER);
        Fields form = Fields.from(ctx, SettingsForm.FIELDS);
        try {
            site.update(SettingsForm.parse(form, id -> media.byId(id).isPresent(), site.settings()));
            ctx.redirect("/admin/settings/?notice=settings-saved", HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, form.withErrors(e.fields()));
        }
    }

    private void render(Context ctx, Fields form) {
        Admin.require(ctx, Permission.ADMINISTER);
        List<SettingsView.Image> images = media.all().stream()
                .map(m -> new SettingsView.Image(Long.toString(m.id()), m.path(), label(m))).toList();
        List<SettingsView.Suggestion> languages = LANGUAGES.stream()
                .map(tag -> new SettingsView.Suggestion(tag, Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH))).toList();
        List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/") || z.equals("UTC")).sorted().toList();
        admin.render(ctx, "site/settings.jte", new SettingsView(admin.frame(ctx, "settings"), form, images, languages, zones,
                Accent.of(site.settings().accentColor())));
    }

    private static String label(Media m) {
        String name = m.path().substring(m.path().lastIndexOf('/') + 1);
        return m.alt().isBlank() ? name : m.alt();
    }
}
