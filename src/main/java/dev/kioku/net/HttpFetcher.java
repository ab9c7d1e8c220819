package dev.kioku.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocketFactory;

/**
 * Every request Kioku makes to another server goes through here, so none can be turned against this
 * machine or its network (SSRF): a URL a commenter or a webmention names must not reach the database
 * port, the admin on localhost, or the cloud's metadata service.
 *
 * <p>Why it does not use {@code java.net.http.HttpClient}: that client resolves the host itself when it
 * connects, after any check we could make, so a name that answers a public address to our lookup and
 * 127.0.0.1 to its own (DNS rebinding) would pass. It offers no way to connect to a given address while
 * keeping the name for the {@code Host} header, SNI and certificate check ({@code Host} is a restricted
 * header). So the host is resolved once here, every address is checked, and a plain socket is opened to a
 * checked address; TLS is layered on it with the URL's host name, which the certificate must match. The
 * price is a deliberately small HTTP/1.1 client ({@link Exchange}): one request per connection, no HTTP/2,
 * no compression, no proxy support.
 *
 * <p>Redirects are followed by hand, at most {@value #MAX_REDIRECTS}, each target checked like the first.
 * A redirect to another origin drops {@code Authorization} and {@code Cookie} headers, and a body is only
 * sent again (307, 308) to the same origin; a 301, 302 or 303 after a POST continues as a GET without body.
 */
public final class HttpFetcher {
    /** Redirects followed before the fetch fails. */
    public static final int MAX_REDIRECTS = 3;
    /** The largest response body returned, in bytes; a longer body is cut there. */
    public static final int MAX_BODY_BYTES = Exchange.MAX_BODY;
    private static final Set<String> SET_BY_FETCHER = caseInsensitive("Host", "Content-Length", "Transfer-Encoding",
            "Connection", "Accept-Encoding");
    private static final Set<String> CREDENTIALS = caseInsensitive("Authorization", "Cookie", "Proxy-Authorization");

    /** Looks a host name up; tests replace it to play DNS. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final Duration timeout;
    private final Resolver resolver;
    private final Function<InetAddress, Optional<String>> refusal;
    private final Supplier<SSLSocketFactory> tls;

    /**
     * @param allowPrivate false in production: refuses loopback, private and link-local networks (cloud
     *                     metadata included), CGNAT, multicast, reserved and unspecified addresses, and IPv6
     *                     forms of those. True reaches any address (tests use it to reach 127.0.0.1); the
     *                     scheme must still be http or https.
     * @param timeout      the most a call may take, redirects and DNS included
     */
    public HttpFetcher(boolean allowPrivate, Duration timeout) {
        this(timeout, InetAddress::getAllByName, allowPrivate ? a -> Optional.empty() : Addresses::refusal, DefaultTls::factory);
    }

    HttpFetcher(Duration timeout, Resolver resolver, Function<InetAddress, Optional<String>> refusal, SSLSocketFactory tls) {
        this(timeout, resolver, refusal, () -> tls);
    }

    private HttpFetcher(Duration timeout, Resolver resolver, Function<InetAddress, Optional<String>> refusal,
                        Supplier<SSLSocketFactory> tls) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        this.timeout = timeout;
        this.resolver = resolver;
        this.refusal = refusal;
        this.tls = tls;
    }

    /**
     * POSTs {@code form} as {@code application/x-www-form-urlencoded; charset=UTF-8}.
     *
     * @param headers extra request headers; {@code Host}, {@code Content-Length}, {@code Connection},
     *                {@code Transfer-Encoding} and {@code Accept-Encoding} are set by the fetcher
     * @return the final answer after redirects, whatever its status; its body cut at {@link #MAX_BODY_BYTES}
     * @throws BlockedAddress when the URL or a redirect target is not http(s) or resolves to a refused address
     * @throws IOException    on network failure, a malformed answer, more than {@value #MAX_REDIRECTS} redirects,
     *                        or the timeout ({@link SocketTimeoutException})
     * @throws IllegalArgumentException when a header name or value is malformed or set by the fetcher
     */
    public Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (all.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            all.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        }
        return fetch("POST", uri, all, body.getBytes(StandardCharsets.UTF_8));
    }

    /** GETs {@code uri}; returns and throws as {@link #postForm}. */
    public Response get(URI uri, Map<String, String> headers) throws IOException {
        return fetch("GET", uri, headers, null);
    }

    private Response fetch(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        checkHeaders(headers);
        long deadline = System.nanoTime() + timeout.toNanos();
        Target target = Target.of(uri);
        for (int redirects = 0; ; redirects++) {
            Response answer = Exchange.send(checkedAddresses(target.host(), deadline), target, method, headers, body, deadline, tls.get());
            Optional<String> location = answer.headers().firstValue("Location");
            if (!isRedirect(answer.status()) || location.isEmpty()) return answer.from(uri);
            if (redirects == MAX_REDIRECTS) throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri.getHost());
            uri = resolve(uri, location.get());
            Target next = Target.of(uri);
            boolean keepsBody = answer.status() == 307 || answer.status() == 308;
            if (body != null && keepsBody && !next.sameOrigin(target)) return answer.from(uri);
            if (body != null && !keepsBody) {
                method = "GET";
                body = null;
                headers = without(headers, Set.of("content-type"));
            }
            if (!next.sameOrigin(target)) headers = without(headers, CREDENTIALS);
            target = next;
        }
    }

    /** Resolves {@code host} once and refuses it unless every address is allowed; those are the ones connected to. */
    private List<InetAddress> checkedAddresses(String host, long deadline) throws IOException {
        InetAddress[] addresses = host.contains(":")
                ? new InetAddress[] {InetAddress.getByName(host)}
                : Addresses.numericHost(host).map(a -> new InetAddress[] {a}).orElse(null);
        if (addresses == null) addresses = lookup(host, deadline);
        for (InetAddress address : addresses) {
            Optional<String> why = refusal.apply(address);
            if (why.isPresent()) throw new BlockedAddress(host, address.getHostAddress() + " is " + why.get());
        }
        return Arrays.asList(addresses);
    }

    /** The system resolver can block far longer than our timeout; it runs aside and is abandoned when late. */
    private InetAddress[] lookup(String host, long deadline) throws IOException {
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> resolver.lookup(host));
        Thread.ofVirtual().name("dns-lookup").start(lookup);
        try {
            return lookup.get(Exchange.remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("looking up " + host + " took longer than the timeout");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while looking up " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("looking up " + host + " failed", e.getCause());
        }
    }

    private static URI resolve(URI base, String location) throws IOException {
        try {
            return base.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the server redirected to a malformed URL");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void checkHeaders(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("not a header name: '" + name + "'");
            }
            if (SET_BY_FETCHER.contains(name)) throw new IllegalArgumentException(name + " is set by the fetcher");
            if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("the value of header " + name + " is missing or spans lines");
            }
        });
    }

    private static Map<String, String> without(Map<String, String> headers, Set<String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (names.stream().noneMatch(name::equalsIgnoreCase)) kept.put(name, value);
        });
        return kept;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /**
     * What came back.
     *
     * @param status  the HTTP status of the final answer
     * @param headers its headers, names case-insensitive
     * @param body    its body decoded with the charset it names (UTF-8 when none), at most {@link #MAX_BODY_BYTES} bytes of it
     * @param uri     the URL that gave this answer, after redirects (relative links in the body resolve against it)
     */
    public record Response(int status, HttpHeaders headers, String body, URI uri) {
        Response from(URI where) {
            return new Response(status, headers, body, where);
        }
    }

    /**
     * The JDK's default TLS, made at the first https fetch. Why not in the constructor: it reads the JDK's trust
     * store (about 150 certificates) and its security providers, a tenth of a second of every {@code kioku serve}
     * before the first page, for a fetch that may come hours later or never.
     */
    private static final class DefaultTls {
        private static final SSLSocketFactory FACTORY = (SSLSocketFactory) SSLSocketFactory.getDefault();

        static SSLSocketFactory factory() {
            return FACTORY;
        }
    }
}
