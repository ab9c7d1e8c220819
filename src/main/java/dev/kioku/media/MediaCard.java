package dev.kioku.media;

import java.util.Locale;

/**
 * One image as the library grid shows it.
 *
 * @param alt      the alt text, or what the writer typed when it was refused
 * @param editable whether the signed-in person may change or delete it
 * @param page     the library page it is on, so a form without JavaScript comes back to it
 * @param status   a confirmation to show on the card ("Saved."), or null
 * @param error    what to fix in the card's form, or null
 */
public record MediaCard(long id, String path, String thumbnail, int width, int height, String fileName,
                        String originalName, String alt, String caption, int copies, long bytes, boolean editable,
                        int page, String csrf, String status, String error) {

    static MediaCard of(Media m, boolean editable, int page, String csrf) {
        return new MediaCard(m.id(), m.path(), m.pathAtLeast(480), m.width(), m.height(), m.fileName(), m.originalName(),
                m.alt(), m.caption(), m.variants().size(), m.bytes(), editable, page, csrf, null, null);
    }

    MediaCard saved() {
        return new MediaCard(id, path, thumbnail, width, height, fileName, originalName, alt, caption, copies, bytes,
                editable, page, csrf, "Saved.", null);
    }

    /** The card showing what the writer typed and why it was refused. */
    MediaCard refused(String typedAlt, String typedCaption, String why) {
        return new MediaCard(id, path, thumbnail, width, height, fileName, originalName, typedAlt == null ? "" : typedAlt,
                typedCaption == null ? "" : typedCaption, copies, bytes, editable, page, csrf, null, why);
    }

    /** {@code 1600 × 900}. */
    public String dimensions() {
        return width + " × " + height;
    }

    /** {@code 245 KB}, {@code 1.4 MB}. */
    public String size() {
        if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The thumbnail's height when drawn {@code thumbnailWidth} wide, for width/height attributes. */
    public int heightAt(int thumbnailWidth) {
        return Math.max(1, Math.round(height * (float) thumbnailWidth / width));
    }
}
