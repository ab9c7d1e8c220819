package dev.kioku.media;

import dev.kioku.admin.Admin;
import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Kind;
import dev.kioku.content.Posts;
import dev.kioku.web.Csrf;
import dev.kioku.web.Forbidden;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The media library in the admin: a grid of images with upload (a plain multipart form, enhanced with
 * drag-and-drop by admin.js), alt text and caption editing, and delete. Authors and up may upload
 * ({@link Permission#PUBLISH_OWN}, as in WordPress); authors change and delete only their own images,
 * editors and the owner any.
 *
 * <h2>The "insert as figure" picker, for the post editor</h2>
 * <pre>{@code
 * <button type="button" hx-get="/admin/media/picker/" hx-target="#media-picker">Insert image</button>
 * <div id="media-picker"></div>
 * <textarea id="body" name="body">…</textarea>
 * }</pre>
 * <ul>
 * <li>{@code GET /admin/media/picker/} (optionally {@code ?page=N}) answers an HTML fragment, no layout:
 * a {@code <section data-picker>} with a small grid of images, newest first, 12 a page, an upload field and
 * a Close button. Show the button only when {@code frame.can("PUBLISH_OWN")}: contributors get 403.</li>
 * <li>Each image is a {@code <button type="button" data-insert-figure data-alt data-src data-caption>}.
 * A click (handled by admin.js, delegated, so fragments loaded later work) calls
 * {@code window.kioku.insertFigure(alt, src, caption)}, which puts {@code ![alt](/media/… "caption")} in its
 * own paragraph at the cursor of {@code textarea#body}, fires {@code input} on it, and empties the picker.
 * Alt text and caption are escaped for Markdown; with no caption there is no title.</li>
 * <li>An editor that replaces the textarea (EasyMDE, CodeMirror) listens for the cancelable
 * {@code kioku:insert-figure} event on {@code textarea#body}: {@code event.detail.markdown} is the text to
 * insert; calling {@code preventDefault()} tells admin.js it was inserted.</li>
 * <li>The picker's upload field has no {@code name}, so it never travels with the editor's form; files
 * chosen there are uploaded at once and the picker reloads with them first.</li>
 * </ul>
 */
public final class MediaAdminRoutes implements Routes {
    static final int PER_PAGE = 24;
    static final int PICKER_PER_PAGE = 12;
    static final String ACCEPT = "image/jpeg,image/png,image/gif,image/webp";
    private final Admin admin;
    private final MediaLibrary media;
    private final Posts posts;

    public MediaAdminRoutes(Admin admin, MediaLibrary media, Posts posts) {
        this.admin = admin;
        this.media = media;
        this.posts = posts;
    }

    @Override
    public void register(PublicPages pages) {
        RoutesConfig r = pages.routes();
        r.get("/admin/media", this::library);
        r.post("/admin/media", this::upload);
        r.get("/admin/media/picker", this::picker);
        r.post("/admin/media/{id}", this::describe);
        r.post("/admin/media/{id}/delete", this::delete);
    }

    // ---- the library

    private void library(Context ctx) {
        Admin.require(ctx, Permission.PUBLISH_OWN);
        renderLibrary(ctx, page(ctx), List.of(), null);
    }

    private void renderLibrary(Context ctx, int page, List<String> errors, MediaCard replacing) {
        Staff me = Admin.me(ctx);
        MediaLibrary.Slice slice = media.list((page - 1) * PER_PAGE, PER_PAGE);
        int pages = Math.max(1, (slice.total() + PER_PAGE - 1) / PER_PAGE);
        String csrf = Csrf.token(ctx);
        List<MediaCard> cards = slice.items().stream()
                .map(m -> replacing != null && replacing.id() == m.id() ? replacing : MediaCard.of(m, mayChange(me, m), page, csrf))
                .toList();
        admin.render(ctx, "media/library.jte", new LibraryView(admin.frame(ctx, "media"), cards, slice.total(), page, pages,
                page > 1 ? pageUrl("/admin/media/", page - 1) : null, page < pages ? pageUrl("/admin/media/", page + 1) : null,
                errors, MediaLibrary.MAX_BYTES, ACCEPT));
    }

    // ---- upload

    /** What became of one file of an upload; {@code path} null when refused. */
    record Outcome(String name, Long id, String path, String message) {
    }

    /** The answer to a script's upload. */
    record UploadResult(List<Outcome> uploaded, List<Outcome> refused) {
    }

    private void upload(Context ctx) {
        Staff me = Admin.require(ctx, Permission.PUBLISH_OWN);
        List<Outcome> uploaded = new ArrayList<>();
        List<Outcome> refused = new ArrayList<>();
        for (UploadedFile file : ctx.uploadedFiles("files")) {
            String name = file.filename() == null ? "" : file.filename();
            if (name.isEmpty() && file.size() == 0) continue; // the empty part a browser sends for "no file chosen"
            try {
                if (file.size() > MediaLibrary.MAX_BYTES) throw new IllegalArgumentException(MediaLibrary.tooLarge(file.size()));
                byte[] bytes;
                try (InputStream in = file.content()) {
                    bytes = in.readAllBytes();
                }
                Media m = media.upload(name, bytes, me.id());
                uploaded.add(new Outcome(name, m.id(), m.path(), null));
            } catch (IllegalArgumentException e) {
                refused.add(new Outcome(name, null, null, e.getMessage()));
            } catch (IOException e) {
                refused.add(new Outcome(name, null, null, "The file did not arrive whole. Try again."));
            }
        }
        if (uploaded.isEmpty() && refused.isEmpty()) refused.add(new Outcome("", null, null, "Choose one or more images to upload."));
        if (wantsJson(ctx)) {
            ctx.header("Cache-Control", "no-store");
            ctx.status(uploaded.isEmpty() ? 422 : 200).json(new UploadResult(uploaded, refused));
        } else if (refused.isEmpty()) {
            ctx.redirect("/admin/media/?notice=uploaded");
        } else {
            ctx.status(422);
            List<String> errors = refused.stream().map(o -> o.name().isEmpty() ? o.message() : o.name() + ": " + o.message()).toList();
            if (!uploaded.isEmpty()) {
                errors = new ArrayList<>(errors);
                errors.add(0, uploaded.size() + (uploaded.size() == 1 ? " image was" : " images were") + " uploaded; these were not:");
            }
            renderLibrary(ctx, 1, errors, null);
        }
    }

    // ---- alt text, caption, delete

    private void describe(Context ctx) {
        Staff me = Admin.require(ctx, Permission.PUBLISH_OWN);
        Media m = changeable(ctx, me);
        int page = formPage(ctx);
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        String alt = ctx.formParam("alt");
        String caption = ctx.formParam("caption");
        try {
            Media updated = media.describe(m.id(), alt, caption).orElseThrow(() -> new NotFound("image " + m.id()));
            if (htmx) renderCard(ctx, MediaCard.of(updated, true, page, Csrf.token(ctx)).saved());
            else ctx.redirect(pageUrl("/admin/media/", page) + (page > 1 ? "&" : "?") + "notice=saved#media-" + m.id());
        } catch (IllegalArgumentException e) {
            MediaCard card = MediaCard.of(m, true, page, Csrf.token(ctx)).refused(alt, caption, e.getMessage());
            if (htmx) {
                renderCard(ctx, card); // 200: htmx swaps only successful answers, and the card carries the message
            } else {
                ctx.status(422);
                renderLibrary(ctx, page, List.of(e.getMessage()), card);
            }
        }
    }

    private void delete(Context ctx) {
        Staff me = Admin.require(ctx, Permission.PUBLISH_OWN);
        Media m = changeable(ctx, me);
        int page = formPage(ctx);
        List<Posts.ImageUse> uses = posts.imageUses(m.id(), m.path());
        if (!uses.isEmpty()) {
            ctx.status(409);
            renderLibrary(ctx, page, List.of(m.fileName() + " is still shown by " + describeUses(uses)
                    + ". Choose another image there first, then delete this one."), null);
            return;
        }
        media.delete(m.id());
        ctx.redirect(pageUrl("/admin/media/", page) + (page > 1 ? "&" : "?") + "notice=image-deleted");
    }

    private static String describeUses(List<Posts.ImageUse> uses) {
        return uses.stream().map(u -> "“" + u.title() + "” (" + (u.featured() ? "featured image of the " : "in the text of the ")
                + (u.kind() == Kind.PAGE ? "page" : "post") + ")").collect(Collectors.joining(", "));
    }

    // ---- the picker

    private void picker(Context ctx) {
        Admin.require(ctx, Permission.PUBLISH_OWN);
        int page = page(ctx);
        MediaLibrary.Slice slice = media.list((page - 1) * PICKER_PER_PAGE, PICKER_PER_PAGE);
        int pages = Math.max(1, (slice.total() + PICKER_PER_PAGE - 1) / PICKER_PER_PAGE);
        List<MediaCard> items = slice.items().stream().map(m -> MediaCard.of(m, false, page, "")).toList();
        admin.render(ctx, "media/picker.jte", new PickerView(items,
                page > 1 ? pageUrl("/admin/media/picker/", page - 1) : null,
                page < pages ? pageUrl("/admin/media/picker/", page + 1) : null, MediaLibrary.MAX_BYTES, ACCEPT));
    }

    // ---- helpers

    private void renderCard(Context ctx, MediaCard card) {
        admin.render(ctx, "media/card.jte", card);
    }

    /** The image named in the path, if the signed-in person may change it. */
    private Media changeable(Context ctx, Staff me) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("image " + ctx.pathParam("id"));
        }
        Media m = media.byId(id).orElseThrow(() -> new NotFound("image " + id));
        if (!mayChange(me, m)) throw new Forbidden("You can change only the images you uploaded; an editor can change any image.");
        return m;
    }

    private static boolean mayChange(Staff me, Media m) {
        return me.can(Permission.EDIT_ALL) || (m.uploadedBy() != null && m.uploadedBy() == me.id());
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static int page(Context ctx) {
        return pageNumber(ctx.queryParam("page"));
    }

    private static int formPage(Context ctx) {
        return pageNumber(ctx.formParam("page"));
    }

    private static int pageNumber(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,5}")) return 1;
        return Integer.parseInt(text);
    }

    private static String pageUrl(String base, int page) {
        return page <= 1 ? base : base + "?page=" + page;
    }
}
