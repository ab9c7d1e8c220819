package dev.kioku.content;

import dev.kioku.admin.AdminFrame;
import java.util.List;
import java.util.Map;

/**
 * The post and page editor. {@code form} holds what is in the fields (the saved post, or what was just
 * typed when a save was refused); everything else describes the post around it.
 *
 * @param id           the post, or null for a new one
 * @param errors       field name to what is wrong with it; empty when nothing is
 * @param problem      one line above the form (a refused save), or null
 * @param conflict     set when the save was refused because someone else saved first
 * @param status       the stored status, or null for a new post
 * @param when         "Published Nov 20, 2026", "Scheduled for …", "Draft, last saved …", or ""
 * @param publicUrl    the live address of a published post, or null
 * @param slugPrefix   what comes before the slug in the post's address, e.g. {@code /2026/11/20/}; "" when the
 *                     address has no slug (the Numeric permalink style)
 * @param previewUrl   the private preview link (absolute), or null for a new post
 * @param series       the series the post is a part of, or null
 * @param autosave     a newer autosave than the saved text, offered for restoring, or null
 * @param restored     "Autosaved by Aiko, Nov 20 …" when the fields hold a revision not yet saved, or null
 * @param previewHtml  the form's text rendered as the public site renders it (sanitized)
 */
public record EditorView(AdminFrame frame, Kind kind, Long id, PostForm form, Map<String, String> errors, String problem,
                         Conflict conflict, Status status, String when, String publicUrl, String slugPrefix,
                         String previewUrl, String timeZone, List<ImageOption> images, String featuredSrc,
                         SeriesPart series, int revisions, NewerAutosave autosave, String restored, boolean canPublish,
                         String previewHtml) {
    public EditorView {
        errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
        images = List.copyOf(images);
    }

    /** A save that came first: someone else's, or the same person's in another tab ({@code who} is "you"). */
    public record Conflict(String who, String when, String currentUrl, long currentVersion) {
        public boolean bySelf() {
            return who.equals("you");
        }
    }

    /** An image the featured image can be. */
    public record ImageOption(long id, String label, String src, boolean selected) {
    }

    /** Where the post sits in a series, with the series' admin page. */
    public record SeriesPart(String title, int number, int total, String adminUrl) {
    }

    /** An autosave holding text that was never saved. */
    public record NewerAutosave(String who, String when, String compareUrl, String restoreUrl) {
    }

    /** True when the post's address has a date before the slug. */
    public boolean datedAddress() {
        return slugPrefix.length() > 1;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isPage() {
        return kind == Kind.PAGE;
    }

    public String noun() {
        return kind == Kind.PAGE ? "page" : "post";
    }

    public String section() {
        return kind == Kind.PAGE ? "/admin/pages/" : "/admin/posts/";
    }

    public String action() {
        return section() + (id == null ? "new/" : id + "/");
    }

    public String autosaveUrl() {
        return action() + "autosave";
    }

    public String revisionsUrl() {
        return id == null ? null : section() + id + "/revisions/";
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** For {@code aria-invalid}: "true" on a field with an error; null leaves the attribute out. */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** For {@code aria-describedby}: the id of the field's error message, or of its hint. */
    public String describedBy(String field, String hint) {
        if (errors.containsKey(field)) return hint == null ? field + "-error" : field + "-error " + hint;
        return hint;
    }

    public String statusKey() {
        return status == null ? "draft" : status.name().toLowerCase();
    }

    public String statusLabel() {
        return status == null ? "New" : status.name().charAt(0) + status.name().substring(1).toLowerCase();
    }

    public boolean isDraft() {
        return status == null || status == Status.DRAFT;
    }

    public boolean isScheduled() {
        return status == Status.SCHEDULED;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public String title() {
        if (id == null) return kind == Kind.PAGE ? "New page" : "New post";
        return form.title().isEmpty() ? "Untitled" : form.title();
    }
}
