package dev.kioku.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request and its answer over a socket opened to an address that was already checked, with
 * TLS verified against the host name of the URL. {@code Connection: close}, no compression, no keep-alive:
 * enough for the small calls a blog makes (spam checks, webmentions, link previews, discovery documents).
 */
final class Exchange {
    /** The largest body kept; the rest of a longer one is not read. */
    static final int MAX_BODY = 1024 * 1024;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

    private Exchange() {
    }

    static HttpFetcher.Response send(List<InetAddress> addresses, Target target, String method, Map<String, String> headers,
                                     byte[] body, long deadline, SSLSocketFactory tls) throws IOException {
        try (Socket socket = connect(addresses, target.port(), deadline)) {
            Socket s = target.https() ? handshake(tls, socket, target, deadline) : socket;
            OutputStream out = s.getOutputStream();
            out.write(head(target, method, headers, body).getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            return read(new BufferedInputStream(new DeadlineInput(s, deadline)), method);
        }
    }

    private static Socket connect(List<InetAddress> addresses, int port, long deadline) throws IOException {
        IOException failure = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
                return socket;
            } catch (IOException e) {
                socket.close();
                failure = e;
            }
        }
        throw failure != null ? failure : new IOException("no address to connect to");
    }

    private static Socket handshake(SSLSocketFactory tls, Socket socket, Target target, long deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, target.host(), target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        String name = target.host().endsWith(".") ? target.host().substring(0, target.host().length() - 1) : target.host();
        if (!name.contains(":") && !name.matches("[0-9.]+")) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(name)));
            } catch (IllegalArgumentException e) {
                // a name TLS cannot carry (an underscore): the certificate is still checked against it
            }
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(remainingMillis(deadline));
        ssl.startHandshake();
        return ssl;
    }

    private static String head(Target target, String method, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) head.append("User-Agent: Kioku\r\n");
        head.append("Accept-Encoding: identity\r\nConnection: close\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        return head.append("\r\n").toString();
    }

    private static HttpFetcher.Response read(InputStream in, String method) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("the server did not answer with HTTP/1.x");
            }
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = headers(in);
            if (status >= 100 && status < 200) {
                if (status == 101) throw new IOException("the server switched protocols");
                continue;
            }
            byte[] body = method.equals("HEAD") || status == 204 || status == 304 ? new byte[0] : body(in, headers);
            HttpHeaders httpHeaders = HttpHeaders.of(headers, (n, v) -> true);
            return new HttpFetcher.Response(status, httpHeaders, new String(body, charset(httpHeaders)), null);
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the server's status line has no status code");
        }
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int count = 0; ; count++) {
            String line = line(in);
            if (line.isEmpty()) return headers;
            int colon = line.indexOf(':');
            if (count == MAX_HEADERS || colon <= 0) throw new IOException("the server sent malformed or too many headers");
            headers.computeIfAbsent(line.substring(0, colon).trim(), n -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String encoding = String.join(",", headers.getOrDefault("Transfer-Encoding", List.of())).toLowerCase(Locale.ROOT);
        List<String> length = headers.getOrDefault("Content-Length", List.of());
        if (encoding.contains("chunked")) {
            for (long size = chunkSize(in); size > 0 && body.size() < MAX_BODY; size = chunkSize(in)) {
                copy(in, body, size);
                line(in);
            }
        } else if (!length.isEmpty()) {
            try {
                copy(in, body, Long.parseLong(length.get(0)));
            } catch (NumberFormatException e) {
                throw new IOException("the server sent a malformed Content-Length");
            }
        } else {
            copy(in, body, Long.MAX_VALUE);
        }
        return body.toByteArray();
    }

    private static long chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int semicolon = line.indexOf(';');
        try {
            return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("the server sent a malformed chunk");
        }
    }

    /** Copies up to {@code count} bytes, stopping at the end of the stream or when the body is full. */
    private static void copy(InputStream in, ByteArrayOutputStream body, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0 && body.size() < MAX_BODY) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, MAX_BODY - body.size())));
            if (n < 0) {
                if (count == Long.MAX_VALUE) return;
                throw new IOException("the server closed the connection in the middle of the body");
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("the server closed the connection before answering in full");
            if (line.size() == MAX_LINE) throw new IOException("the server sent a line longer than " + MAX_LINE + " bytes");
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Charset charset(HttpHeaders headers) {
        Matcher m = CHARSET.matcher(headers.firstValue("Content-Type").orElse(""));
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) throw new SocketTimeoutException("the fetch took longer than its timeout");
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Gives every read only the time left before the deadline, so a server sending a byte a second cannot hold us. */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read(b, off, len);
        }
    }
}
