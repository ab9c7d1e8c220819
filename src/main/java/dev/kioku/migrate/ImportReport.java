package dev.kioku.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): counts per kind and one line for every item skipped or changed
 * on the way, with the reason.
 */
public final class ImportReport {
    private final boolean dryRun;
    private final Map<String, Integer> imported = new LinkedHashMap<>();
    private final Map<String, Integer> alreadyThere = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
        for (String kind : List.of("authors", "posts", "pages", "attachments", "images", "comments")) {
            imported.put(kind, 0);
            alreadyThere.put(kind, 0);
        }
    }

    void imported(String kind) {
        imported.merge(kind, 1, Integer::sum);
    }

    void alreadyThere(String kind) {
        alreadyThere.merge(kind, 1, Integer::sum);
    }

    void note(String line) {
        notes.add(line);
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** How many of a kind were imported now: authors, posts, pages, attachments, images (copied files), comments. */
    public int count(String kind) {
        return imported.getOrDefault(kind, 0);
    }

    /** How many of a kind an earlier import of the same site had brought already (left as they are). */
    public int skippedAsAlreadyImported(String kind) {
        return alreadyThere.getOrDefault(kind, 0);
    }

    /** Every item skipped or changed, and why; in file order. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The summary printed at the end: one line of counts, then the notes. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        StringBuilder counts = new StringBuilder(dryRun ? "Dry run, nothing was saved. Would import: " : "Imported: ");
        imported.forEach((kind, n) -> counts.append(n).append(' ').append(kind).append(", "));
        counts.setLength(counts.length() - 2);
        counts.append('.');
        lines.add(counts.toString());
        int again = alreadyThere.values().stream().mapToInt(Integer::intValue).sum();
        if (again > 0) {
            StringBuilder b = new StringBuilder("Already imported before, left as they are: ");
            alreadyThere.forEach((kind, n) -> {
                if (n > 0) b.append(n).append(' ').append(kind).append(", ");
            });
            b.setLength(b.length() - 2);
            lines.add(b.append('.').toString());
        }
        if (!notes.isEmpty()) {
            lines.add("Skipped or changed (" + notes.size() + "):");
            notes.forEach(n -> lines.add("  " + n));
        }
        return lines;
    }
}
