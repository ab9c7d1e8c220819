package dev.kioku.subscriptions;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import java.util.List;

/** View records of the subscription templates: the reader's pages, the mail, and the admin's list. */
public final class SubscriptionPages {
    private SubscriptionPages() {
    }

    /**
     * The subscribe form on its own page (reached without script, or sent back with a message).
     *
     * @param seriesId    the series asked for, or null for every post
     * @param seriesTitle its title, or null
     */
    public record Form(Site site, Meta meta, Fields form, Long seriesId, String seriesTitle) {
    }

    /** What a new post's email shows. {@code kicker} is "Part 2 of Trip to Kyoto", or null. */
    public record Mail(String siteTitle, String kicker, String title, String excerpt, String url, String why,
                       String unsubscribeUrl) {
    }

    /**
     * Admin → Subscribers.
     *
     * @param search what the list is filtered by, "" for nothing
     * @param newer  the previous page's URL, or null; {@code older} likewise
     */
    public record AdminList(AdminFrame frame, List<Row> rows, String search, int first, int last, int total,
                            int confirmed, String newer, String older, String exportUrl) {
    }

    /** One address in the list. */
    public record Row(long id, String email, String status, String follows, String since, String isoSince,
                      String source, String removeUrl) {
    }

    /** The page asking "Remove this address?". */
    public record Remove(AdminFrame frame, Row row, String backUrl) {
    }
}
