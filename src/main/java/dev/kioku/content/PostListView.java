package dev.kioku.content;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * The list of posts (or pages) in the admin: status tabs, search and one page of rows.
 *
 * @param status the status tab shown ("all", "draft", "scheduled", "published")
 * @param query  the search words as typed, "" for none
 * @param newer  link to the previous page of results, or null; {@code older} likewise
 */
public record PostListView(AdminFrame frame, Kind kind, String status, String query, List<Tab> tabs, List<Row> rows,
                           int total, int first, int last, String newer, String older, boolean showAuthor) {
    public PostListView {
        tabs = List.copyOf(tabs);
        rows = List.copyOf(rows);
    }

    /** A status filter with its count. */
    public record Tab(String label, String url, int count, boolean current) {
        public String ariaCurrent() {
            return current ? "page" : null;
        }
    }

    /**
     * One post.
     *
     * @param editUrl   null when the signed-in person may not edit it (a contributor's published post)
     * @param publicUrl the live address, or null when it is not published
     */
    public record Row(String title, String editUrl, String statusKey, String statusLabel, String author, String when,
                      String publicUrl, List<String> tags) {
    }

    public boolean isPages() {
        return kind == Kind.PAGE;
    }

    public String heading() {
        return kind == Kind.PAGE ? "Pages" : "Posts";
    }

    public String base() {
        return kind == Kind.PAGE ? "/admin/pages/" : "/admin/posts/";
    }

    public String newLabel() {
        return kind == Kind.PAGE ? "New page" : "Write a post";
    }
}
