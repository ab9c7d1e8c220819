package dev.kioku.web;

import io.javalin.http.Context;

/** Cookie settings shared by sessions and CSRF tokens. */
public final class Cookies {
    private Cookies() {
    }

    /** Secure cookies when the request reached us over TLS (directly or through a proxy that says so). */
    public static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
