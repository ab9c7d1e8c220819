package dev.kioku.migrate;

import dev.kioku.markdown.Slugs;
import dev.kioku.series.SeriesService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Series from one of Kioku's own exports (WXR or Markdown bundle), restored inside the import's transaction: each
 * becomes a series (or the one with its slug already there), its posts and planned parts in their old order.
 * Planned parts are added only to a series made now, so a second import adds nothing twice.
 */
final class SeriesRestore {
    /** A series as an export describes it. */
    record Definition(String slug, String title, String descriptionMd, List<Planned> planned) {
    }

    /** A part announced without a post, at its old position. */
    record Planned(int position, String title, String note) {
    }

    private SeriesRestore() {
    }

    /**
     * @param definitions the series the export declares
     * @param parts       series slug → old position → the imported post now filling it; slugs without a definition
     *                    become series titled by their slug
     */
    static void restore(Handle h, SeriesService series, Collection<Definition> definitions, Map<String, TreeMap<Integer, Long>> parts,
                        ImportReport report) {
        Map<String, Definition> all = new java.util.LinkedHashMap<>();
        for (Definition d : definitions) all.putIfAbsent(d.slug(), d);
        for (String slug : parts.keySet()) all.putIfAbsent(slug, new Definition(slug, slug, "", List.of()));
        for (Definition d : all.values()) {
            String slug = Slugs.slugify(d.slug());
            if (slug.isEmpty()) continue;
            var one = series.importSeries(h, slug, d.title() == null || d.title().isBlank() ? slug : d.title(), d.descriptionMd());
            TreeMap<Integer, Object> slots = new TreeMap<>(parts.getOrDefault(d.slug(), new TreeMap<>()));
            if (one.created()) {
                for (Planned p : d.planned()) if (p.title() != null && !p.title().isBlank()) slots.putIfAbsent(p.position(), p);
                report.imported("series");
            } else if (slots.isEmpty()) {
                report.alreadyThere("series");
            }
            for (Object slot : slots.values()) {
                if (slot instanceof Long postId) series.importPart(h, one.id(), postId, null, null);
                else if (slot instanceof Planned p) series.importPart(h, one.id(), null, p.title().strip(), p.note());
            }
        }
    }
}
