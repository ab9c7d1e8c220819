package dev.kioku.migrate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a WordPress export (WXR 1.0–1.2) holds, as the {@link WxrReader} hands it over, one piece at a time. */
final class Wxr {
    private Wxr() {
    }

    /** The exporting site: {@code wp:base_site_url} (or the channel link) names it for re-imports. */
    record Channel(String title, String link, String baseSiteUrl, String baseBlogUrl, String version) {
        /** The key remembered with every imported id, so a second import of the same site adds nothing twice. */
        String site() {
            String s = baseBlogUrl != null && !baseBlogUrl.isBlank() ? baseBlogUrl
                    : baseSiteUrl != null && !baseSiteUrl.isBlank() ? baseSiteUrl : link == null ? "" : link;
            return s.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Author(long id, String login, String email, String displayName) {
    }

    /**
     * A category, tag or other term declared at channel level.
     *
     * @param meta its {@code wp:termmeta} values by key, several values of one key joined by newlines
     */
    record Term(String taxonomy, String slug, String name, long id, String description, Map<String, List<String>> meta) {
        Term(String taxonomy, String slug, String name, long id) {
            this(taxonomy, slug, name, id, "", Map.of());
        }
    }

    /** A category or tag an item is filed under ({@code <category domain="post_tag" nicename="x">Name</category>}). */
    record ItemTerm(String domain, String nicename, String name) {
    }

    /** A comment; {@code meta} holds the {@code wp:commentmeta} values Kioku reads (its own Markdown source). */
    record Comment(long id, String author, String email, String url, String ip, Instant date, String content, String approved,
                   String type, long parent, long userId, Map<String, String> meta) {
    }

    /**
     * One {@code <item>}: a post, page, attachment or anything else WordPress stores as a post.
     *
     * @param line where the item starts in the file, for messages
     * @param date publication time (GMT when the export has it), or null
     */
    record Item(int line, long postId, String title, String link, String guid, String type, String status, String slug,
                Instant date, Instant modified, String creator, String content, String excerpt, long parent, boolean sticky,
                String password, String commentStatus, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta,
                List<Comment> comments) {
    }

    /** Receives the parts of an export in file order. */
    interface Listener {
        default void channel(Channel c) {
        }

        default void author(Author a) {
        }

        default void term(Term t) {
        }

        default void item(Item i) {
        }
    }
}
