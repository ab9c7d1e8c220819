package dev.kioku.web;

import io.javalin.http.Context;

/** Renders one public page from the request path; throws {@link NotFound} or {@link Redirect}. */
@FunctionalInterface
public interface PageRenderer {
    Page render(Context ctx);
}
