package dev.kioku.content;

import java.time.Instant;
import java.util.List;

/**
 * A post's text as it was at one save or autosave. Only the writing is kept (title, slug, excerpt, body,
 * tags); settings such as the featured image are not versioned.
 *
 * @param customExcerpt the writer's own excerpt then, or null
 * @param savedBy       the staff member who saved it, or null when that account is gone
 */
public record Revision(long id, long postId, Reason reason, String title, String slug, String bodyMd,
                       String customExcerpt, List<String> tags, Long savedBy, Instant createdAt) {
    public Revision {
        tags = List.copyOf(tags);
    }

    /** Why the revision exists; mirrored by a CHECK in SQL. */
    public enum Reason {
        /** The writer saved (or published); the post itself was changed. */
        SAVE,
        /** The editor kept a copy while the writer typed; the post itself was not changed. */
        AUTOSAVE;

        String sql() {
            return name().toLowerCase();
        }
    }

    /** True when this holds the same writing as {@code p}: title, slug, excerpt, body and the same tags in any order. */
    public boolean sameTextAs(Post p) {
        return title.equals(p.title()) && slug.equals(p.slug()) && bodyMd.equals(p.bodyMd())
                && java.util.Objects.equals(customExcerpt, p.customExcerpt())
                && tagSlugs(tags).equals(tagSlugs(p.tags().stream().map(Tag::name).toList()));
    }

    private static java.util.Set<String> tagSlugs(List<String> names) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String n : names) {
            String slug = dev.kioku.markdown.Slugs.slugify(n);
            if (!slug.isEmpty()) out.add(slug);
        }
        return out;
    }
}
