package dev.kioku.media;

import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves stored images from the data folder. */
public final class MediaRoutes implements Routes {
    private final MediaLibrary library;

    public MediaRoutes(MediaLibrary library) {
        this.library = library;
    }

    @Override
    public void register(PublicPages pages) {
        pages.routes().get("/media/<path>", this::serve);
        pages.routes().head("/media/<path>", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        Path file = library.file(ctx.path()).orElseThrow(() -> new NotFound(ctx.path()));
        String name = file.getFileName().toString();
        ctx.contentType(Media.mimeOf(name));
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        if (!"HEAD".equals(ctx.method().name())) ctx.result(Files.newInputStream(file));
    }
}
