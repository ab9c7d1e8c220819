package dev.kioku.web;

import dev.kioku.config.Config;
import java.util.function.IntSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Answers every request on the plain HTTP port with a redirect to the same address over HTTPS: 301 for GET and
 * HEAD, 308 for the rest (a form sent to {@code http://} is not silently turned into a GET). Requests that arrived
 * over TLS pass through untouched.
 *
 * <p>It sits in front of everything else on the server, so no page, cached or not, is ever served in clear text.
 * The target is the configured {@code base-url} when that is an https address, else the host the reader asked for
 * on the HTTPS port, like nginx's {@code return 301 https://$host$request_uri}.
 */
final class HttpsRedirect extends Handler.Wrapper {
    private final Config config;
    private final IntSupplier httpsPort;

    private HttpsRedirect(Config config, IntSupplier httpsPort) {
        this.config = config;
        this.httpsPort = httpsPort;
    }

    /** Puts a redirect in front of the server's handler; call it before the server starts. */
    static void wrap(Server server, Config config, IntSupplier httpsPort) {
        HttpsRedirect redirect = new HttpsRedirect(config, httpsPort);
        redirect.setHandler(server.getHandler());
        server.setHandler(redirect);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.isSecure()) return super.handle(request, response, callback);
        String method = request.getMethod();
        int status = method.equals("GET") || method.equals("HEAD") ? 301 : 308;
        Response.sendRedirect(request, response, callback, status, target(request), true);
        return true;
    }

    private String target(Request request) {
        String pathQuery = request.getHttpURI().getPathQuery();
        if (pathQuery == null || !pathQuery.startsWith("/")) pathQuery = "/";
        if (config.baseUrl() != null && "https".equals(config.baseUrl().getScheme())) return "https://" + config.baseUrl().getRawAuthority() + pathQuery;
        String host = Request.getServerName(request);
        if (host == null || host.isEmpty()) host = config.host();
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        int port = httpsPort.getAsInt();
        return "https://" + host + (port == 443 ? "" : ":" + port) + pathQuery;
    }
}
