package dev.kioku.blog;

import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import java.util.List;

/**
 * Any listing of posts.
 *
 * @param kicker small label above the heading ("Tag", "Archive"), or null on the home page
 * @param intro  plain text under the heading (an author's bio), or empty
 */
public record ListView(Site site, Meta meta, String kicker, String heading, String intro, List<PostCard> posts,
                       Pager pager, boolean home) {
}
