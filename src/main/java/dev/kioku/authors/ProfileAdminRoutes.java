package dev.kioku.authors;

import dev.kioku.admin.Admin;
import dev.kioku.admin.Fields;
import dev.kioku.authors.Author.Link;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.web.Invalid;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/profile/}: everyone signed in edits their own public profile. Link rows are added and
 * removed in the page by admin.js; without scripts the "Add another link" and "Remove" buttons send the form
 * back to be shown again with the rows changed, unsaved, everything typed kept.
 */
public final class ProfileAdminRoutes implements Routes {
    private final Admin admin;
    private final Authors authors;
    private final MediaLibrary media;

    public ProfileAdminRoutes(Admin admin, Authors authors, MediaLibrary media) {
        this.admin = admin;
        this.authors = authors;
        this.media = media;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/admin/profile", this::show);
        pages.routes().post("/admin/profile", this::save);
    }

    private void show(Context ctx) {
        Author me = authors.byId(Admin.me(ctx).id()).orElseThrow();
        List<Media> images = media.all();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("displayName", me.displayName());
        v.put("bio", me.bio());
        String avatar = me.avatarUrl() == null ? "" : images.stream().filter(m -> m.path().equals(me.avatarUrl()))
                .map(m -> Long.toString(m.id())).findFirst().orElse("url");
        v.put("avatar", avatar);
        v.put("avatarUrl", avatar.equals("url") ? me.avatarUrl() : "");
        v.put("publicEmail", me.publicEmail() == null ? "" : me.publicEmail());
        List<ProfileView.LinkRow> rows = new ArrayList<>();
        for (Link l : me.links()) rows.add(new ProfileView.LinkRow(rows.size(), l.label(), l.url(), null));
        render(ctx, Fields.of(v), rows, images, false);
    }

    private void save(Context ctx) {
        Staff me = Admin.me(ctx);
        Fields form = Fields.from(ctx, "displayName", "bio", "avatar", "avatarUrl", "publicEmail");
        List<ProfileView.LinkRow> rows = rows(ctx);
        List<Media> images = media.all();
        if (ctx.formParam("addRow") != null || ctx.formParam("removeRow") != null) {
            render(ctx, form, editRows(rows, ctx.formParam("removeRow")), images, true);
            return;
        }
        List<Link> links = rows.stream().filter(r -> !(r.label().isBlank() && r.url().isBlank()))
                .map(r -> new Link(r.label(), r.url())).toList();
        try {
            String avatar = avatar(form, images);
            authors.updateProfile(me.id(), new Profile(form.value("displayName"), form.value("bio"), avatar,
                    form.value("publicEmail"), links));
            ctx.redirect("/admin/profile/?notice=profile-saved", HttpStatus.SEE_OTHER);
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, form.withErrors(e.fields()), withErrors(rows, e.fields()), images, false);
        }
    }

    /** The picture's address from the chosen option: none, an image of the library, or a typed URL. */
    private static String avatar(Fields form, List<Media> images) {
        String choice = form.stripped("avatar");
        if (choice.isEmpty()) return null;
        if (choice.equals("url")) {
            if (form.stripped("avatarUrl").isEmpty()) throw Invalid.field("avatarUrl", "Type the picture's address, or choose another option.");
            return form.stripped("avatarUrl");
        }
        return images.stream().filter(m -> Long.toString(m.id()).equals(choice)).map(Media::path).findFirst()
                .orElseThrow(() -> Invalid.field("avatar", "That image is no longer in the media library. Choose another."));
    }

    /** The link rows as sent ({@code linkLabel-0}, {@code linkUrl-0}…), in order, blank ones included. */
    private static List<ProfileView.LinkRow> rows(Context ctx) {
        List<ProfileView.LinkRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String label = ctx.formParam("linkLabel-" + i);
            String url = ctx.formParam("linkUrl-" + i);
            if (label == null && url == null) continue;
            rows.add(new ProfileView.LinkRow(rows.size(), label == null ? "" : label, url == null ? "" : url, null));
        }
        return rows;
    }

    private static List<ProfileView.LinkRow> editRows(List<ProfileView.LinkRow> rows, String remove) {
        List<ProfileView.LinkRow> out = new ArrayList<>();
        for (ProfileView.LinkRow r : rows) {
            if (remove != null && remove.equals(Integer.toString(r.index()))) continue;
            if (remove == null && r.label().isBlank() && r.url().isBlank()) continue;
            out.add(new ProfileView.LinkRow(out.size(), r.label(), r.url(), null));
        }
        if (remove == null) out.add(new ProfileView.LinkRow(out.size(), "", "", null));
        return out;
    }

    /** Rows numbered as the saved links were (blank rows are skipped there), with their messages. */
    private static List<ProfileView.LinkRow> withErrors(List<ProfileView.LinkRow> rows, Map<String, String> errors) {
        List<ProfileView.LinkRow> out = new ArrayList<>();
        int link = 0;
        for (ProfileView.LinkRow r : rows) {
            boolean blank = r.label().isBlank() && r.url().isBlank();
            String error = blank ? null : errors.get("link-" + link++);
            out.add(new ProfileView.LinkRow(out.size(), r.label(), r.url(), error));
        }
        return out;
    }

    private void render(Context ctx, Fields form, List<ProfileView.LinkRow> rows, List<Media> images, boolean unsaved) {
        Author me = authors.byId(Admin.me(ctx).id()).orElseThrow();
        List<ProfileView.LinkRow> shown = new ArrayList<>(rows);
        boolean endsBlank = !shown.isEmpty() && shown.getLast().label().isBlank() && shown.getLast().url().isBlank();
        if (!endsBlank && !unsaved) shown.add(new ProfileView.LinkRow(shown.size(), "", "", null));
        if (shown.isEmpty()) shown.add(new ProfileView.LinkRow(0, "", "", null));
        List<ProfileView.Image> choices = images.stream()
                .map(m -> new ProfileView.Image(Long.toString(m.id()), m.path(), m.alt().isBlank() ? m.path().substring(m.path().lastIndexOf('/') + 1) : m.alt()))
                .toList();
        admin.render(ctx, "authors/profile.jte", new ProfileView(admin.frame(ctx, "profile"), form, choices, shown, me.url(), unsaved));
    }
}
