package dev.kioku.content;

import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * {@code /preview/TOKEN/}: a post as readers will see it, whatever its status, for whoever has the private
 * link. Rendered on every request with the public post template and never cached (here, in browsers or at a
 * CDN), kept out of search engines, and sent without a Referer so the link does not leak through its links.
 */
public final class DraftPreviewRoutes implements Routes {
    private final Posts posts;
    private final Function<Post, byte[]> publicPage;

    /** @param publicPage renders a post with the public site's template */
    public DraftPreviewRoutes(Posts posts, Function<Post, byte[]> publicPage) {
        this.posts = posts;
        this.publicPage = publicPage;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/preview/{token}", this::show);
    }

    private void show(Context ctx) {
        Post p = posts.byPreviewToken(ctx.pathParam("token")).orElseThrow(() -> new NotFound("preview link"));
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8").result(publicPage.apply(p));
    }
}
