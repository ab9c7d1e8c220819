package dev.kioku.comments;

import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;

/**
 * Serves identicons at {@code /avatars/{hash}.svg} (and {@code .png} for Gravatar's default). A hash always draws the same picture, so answers are
 * cached for a year anywhere; the SVG gets a policy of its own that forbids scripts even when opened directly.
 */
public final class AvatarRoutes implements Routes {
    private final Avatars avatars;

    public AvatarRoutes(Avatars avatars) {
        this.avatars = avatars;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/avatars/{file}", this::serve);
        pages.routes().head("/avatars/{file}", this::serve);
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] svg;
        boolean png = file.endsWith(".png");
        try {
            if (!file.endsWith(".svg") && !png) throw new IllegalArgumentException(file);
            String hash = file.substring(0, file.length() - 4);
            svg = png ? avatars.identiconPng(hash) : avatars.identicon(hash);
        } catch (IllegalArgumentException e) {
            throw new NotFound(ctx.path());
        }
        ctx.contentType(png ? "image/png" : "image/svg+xml");
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.header("Content-Length", Integer.toString(svg.length));
        if (!"HEAD".equals(ctx.method().name())) ctx.result(svg);
    }
}
