package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.config.Config;
import dev.kioku.demo.DemoContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code kioku aot-train} (hidden): the training run behind the start-up cache. The launcher runs it once per
 * built jar with {@code -XX:AOTCacheOutput=FILE}; the JVM records every class this run loads and links (and the
 * methods it profiles) and writes them to FILE when the run exits, so later starts skip that work.
 *
 * <p>Why this sequence: it walks the path a real start takes (open and migrate a database, build every
 * service, start Jetty) and then answers the pages readers and the owner ask for first, on a throwaway demo
 * blog in a temporary folder, never the operator's data. Nothing here reads the environment or a config file.
 */
@Command(name = "aot-train", hidden = true, description = "Run a short training start for the JVM's start-up cache, then exit.")
public final class AotTrainCommand implements Runnable {
    private static final Pattern POST_LINK = Pattern.compile("class=\"card__title\"><a href=\"([^\"]+)\"");
    private static final Pattern TAG_LINK = Pattern.compile("href=\"(/tag/[^\"]+/)\"");
    private static final List<String> ADMIN_PAGES = List.of("/admin/", "/admin/posts/", "/admin/comments/", "/admin/pages/",
            "/admin/media/", "/admin/series/", "/admin/settings/", "/admin/profile/");
    private static final int ROUNDS = 3;

    @Override
    public void run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("kioku-aot-train");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            train(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static void train(Path dir) {
        Config config = new Config("127.0.0.1", 0, dir, Config.defaultSqliteUrl(dir), null, null, null);
        try (App app = new App(config, Clock.systemUTC())) {
            new DemoContent(app).seed();
            var owner = app.authors().create(new NewAuthor("owner@example.com", "Owner", Role.OWNER,
                    dev.kioku.web.Tokens.random(16).toCharArray(), "", null, null, List.of()));
            String session = app.sessions().start(owner.id());
            String base = "http://127.0.0.1:" + app.start();
            for (int round = 0; round < ROUNDS; round++) {
                String home = get(base + "/", null);
                List<String> pages = new ArrayList<>(List.of("/feed/", "/sitemap.xml", "/page/2/", "/no-such-page/"));
                first(POST_LINK, home).ifPresent(pages::add);
                first(TAG_LINK, home).ifPresent(pages::add);
                for (String page : pages) {
                    String body = get(base + page, null);
                    if (page.startsWith("/20")) first(TAG_LINK, body).ifPresent(tag -> get(base + tag, null));
                }
                for (String page : ADMIN_PAGES) get(base + page, "kioku_session=" + session);
            }
        }
    }

    private static java.util.Optional<String> first(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** The body of any answer (a 404 page is as good a lesson as a 200); empty when the request fails. */
    private static String get(String url, String cookie) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept-Encoding", url.endsWith("/feed/") ? "gzip" : "identity");
            if (cookie != null) c.setRequestProperty("Cookie", cookie);
            InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in == null) return "";
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
