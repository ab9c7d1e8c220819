package dev.kioku.content;

/**
 * What the editor's autosave line says after an autosave. When the autosave made a new post a draft,
 * {@code newId} and {@code version} are swapped into the form so that saving updates that draft.
 *
 * @param tone "ok" or "warning"
 * @param link a page to open about the warning, or null
 */
public record AutosaveView(String tone, String message, String link, String linkText, Long newId, long version) {
    static AutosaveView ok(String message) {
        return new AutosaveView("ok", message, null, null, null, 0);
    }

    static AutosaveView created(String message, long id, long version) {
        return new AutosaveView("ok", message, null, null, id, version);
    }

    static AutosaveView warning(String message, String link, String linkText) {
        return new AutosaveView("warning", message, link, linkText, null, 0);
    }
}
