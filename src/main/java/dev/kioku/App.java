package dev.kioku;

import dev.kioku.accounts.AccountRoutes;
import dev.kioku.accounts.Sessions;
import dev.kioku.admin.Admin;
import dev.kioku.admin.DashboardRoutes;
import dev.kioku.authors.Authors;
import dev.kioku.authors.ProfileAdminRoutes;
import dev.kioku.blog.BlogRoutes;
import dev.kioku.comments.CommentRoutes;
import dev.kioku.comments.CommentThreads;
import dev.kioku.comments.Comments;
import dev.kioku.comments.Notifications;
import dev.kioku.comments.SpamCheck;
import dev.kioku.comments.AvatarRoutes;
import dev.kioku.comments.Avatars;
import dev.kioku.config.Config;
import dev.kioku.config.ConfigException;
import dev.kioku.content.ContentAdminRoutes;
import dev.kioku.content.DraftPreviewRoutes;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Posts;
import dev.kioku.content.ScheduledPublisher;
import dev.kioku.db.Database;
import dev.kioku.discovery.DiscoveryRoutes;
import dev.kioku.events.EventBus;
import dev.kioku.feeds.PostFeeds;
import dev.kioku.jobs.Jobs;
import dev.kioku.mail.Outbox;
import dev.kioku.net.HttpFetcher;
import dev.kioku.readers.ReaderRoutes;
import dev.kioku.readers.Readers;
import dev.kioku.readers.oauth.SignInProviders;
import dev.kioku.markdown.Markdown;
import dev.kioku.media.MediaAdminRoutes;
import dev.kioku.media.MediaLibrary;
import dev.kioku.media.MediaRoutes;
import dev.kioku.migrate.MarkdownExport;
import dev.kioku.migrate.MarkdownImport;
import dev.kioku.migrate.WordPressExport;
import dev.kioku.migrate.WordPressImport;
import dev.kioku.series.SeriesAdminRoutes;
import dev.kioku.series.SeriesService;
import dev.kioku.site.NavLink;
import dev.kioku.site.SettingsAdminRoutes;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteStylesheet;
import dev.kioku.subscriptions.SubscribeRoutes;
import dev.kioku.subscriptions.SubscriberAdminRoutes;
import dev.kioku.subscriptions.Subscriptions;
import dev.kioku.web.Assets;
import dev.kioku.web.PageCache;
import dev.kioku.web.Templates;
import dev.kioku.web.WebServer;
import dev.kioku.webmentions.WebmentionAdminRoutes;
import dev.kioku.webmentions.WebmentionRoutes;
import dev.kioku.webmentions.Webmentions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds the whole program from a {@link Config}, in reading order: database, stores and services, then
 * HTTP. The CLI uses the same wiring without starting the server. No container, no static state.
 */
public final class App implements AutoCloseable {
    /** Environment variable: megabytes of rendered pages kept in memory (default: a fifth of the heap). */
    public static final String PAGE_CACHE_ENV = "KIOKU_PAGE_CACHE_MB";
    private static final long MB = 1024 * 1024;
    private static final long MIN_PAGE_CACHE_BYTES = 8 * MB;

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final EventBus events = new EventBus();
    private final long pageCacheBytes = pageCacheBytes(System.getenv(PAGE_CACHE_ENV), Runtime.getRuntime().maxMemory());
    private final PageCache cache = new PageCache(pageCacheBytes);
    private final Assets assets = new Assets();
    private final Templates templates = new Templates();
    private final MediaLibrary media;
    private final Markdown markdown;
    private final Authors authors;
    private final SiteService site;
    private final Posts posts;
    private final SeriesService series;
    private final Comments comments;
    private final Subscriptions subscriptions;
    private final CommentThreads commentThreads;
    private final Sessions sessions;
    private final Readers readers;
    private final ScheduledPublisher publisher;
    private final Avatars avatars;
    private final Outbox outbox;
    private final Jobs jobs;
    private final SignInProviders signIns;
    private final Webmentions webmentions;
    private final WordPressImport wordpress;
    private final WordPressExport wordpressExport;
    private final MarkdownExport markdownExport;
    private final MarkdownImport markdownImport;
    private WebServer web;
    private int boundPort;

    /**
     * Opens (and migrates) the database and builds every service.
     *
     * @throws ConfigException when the data folder or database cannot be used
     */
    public App(Config config, Clock clock) {
        this(config, clock, new HttpFetcher(false, java.time.Duration.ofSeconds(10)));
    }

    /**
     * Like {@link #App(Config, Clock)}, fetching from other sites through {@code fetcher} (tests pass one that
     * may reach their local fakes).
     */
    public App(Config config, Clock clock, HttpFetcher fetcher) {
        this.config = config;
        this.clock = clock;
        prepareJdbiInBackground();
        prepareDataDir(config);
        this.database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        database.migrate();
        var jdbi = database.jdbi();
        this.outbox = new Outbox(jdbi, config.smtp(), clock);
        this.media = new MediaLibrary(jdbi, config.dataDir(), events, clock);
        this.markdown = new Markdown(media);
        this.authors = new Authors(jdbi, events, clock);
        this.site = new SiteService(jdbi, events, this::navigation, config.publicBase(), assets, media);
        this.posts = new Posts(jdbi, markdown, events, clock, site::settings);
        this.series = new SeriesService(jdbi, posts, markdown, events, clock, site::settings);
        this.subscriptions = new Subscriptions(jdbi, posts, series, outbox, templates, clock, () -> this.site.settings().title(),
                this::publicBase, this::permalink);
        posts.addListener(subscriptions.listener());
        this.comments = new Comments(jdbi, posts, events, clock, SpamCheck.akismet(fetcher, config.publicBase(), this::permalink),
                Notifications.byMail(outbox, () -> this.site.settings().title(), config.publicBase(), this::permalink),
                subscriptions::requestFromComment);
        this.avatars = comments.avatars(config.publicBase());
        this.sessions = new Sessions(jdbi, authors, clock);
        this.readers = new Readers(jdbi, clock);
        this.commentThreads = new CommentThreads(comments, avatars::url, this::permalink, assets.url("comments.js"), readers::choices,
                assets.url("reader-sign-in.js"));
        this.signIns = new SignInProviders(jdbi, fetcher, readers, clock, this::publicBase, events);
        this.webmentions = new Webmentions(jdbi, posts, events, clock, fetcher, this::publicBase,
                p -> publicBase() + permalink(p), () -> site.settings().timeZone(), key -> avatars.url(null, key));
        this.wordpress = new WordPressImport(jdbi, posts, comments, authors, media, series, events, site::settings, clock);
        this.wordpressExport = new WordPressExport(jdbi, posts, series, media, site::settings, this::publicBase, clock);
        this.markdownExport = new MarkdownExport(jdbi, posts, series, media, site::settings, this::publicBase);
        this.markdownImport = new MarkdownImport(jdbi, posts, comments, authors, media, series, events, clock);
        this.publisher = new ScheduledPublisher(posts);
        this.jobs = new Jobs(database.dataSource(), clock, List.of(publisher.job(), outbox.job(), comments.closingJob(),
                readers.cleanupJob(), subscriptions.job(), webmentions.job()));
        // last: services holding derived state (the site frame) must forget it before pages re-render
        events.subscribe(cache::invalidate);
    }

    /**
     * Has a second thread do Jdbi's one-time set-up while this one opens the database. Why: at its first statement
     * Jdbi registers its statement event with JDK Flight Recorder, which sets JFR itself up (its event metadata and
     * generated classes, none of it in the start-up cache): a tenth of a second or more of the main thread before
     * the first page. Class initialisation is done once and waited for by any other thread that needs it, so the
     * first statement simply finds it done (or waits for the rest).
     */
    private static void prepareJdbiInBackground() {
        Thread.ofPlatform().daemon().name("kioku-jdbi-set-up").start(() -> {
            try {
                Class.forName(JDBI_JFR_SUPPORT, true, App.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // another Jdbi version: its first statement does whatever set-up it needs
            }
        });
    }

    /** Jdbi's class that registers its JFR event as it is initialised (see {@link #prepareJdbiInBackground()}). */
    static final String JDBI_JFR_SUPPORT = "org.jdbi.v3.core.statement.internal.JfrSupport";

    /** Starts the HTTP server (and HTTPS with a certificate), then the jobs in the background; returns the bound HTTP port. */
    public int start() {
        BlogRoutes blog = new BlogRoutes(new dev.kioku.db.OneConnection(database.jdbi()), posts, series, authors, media, site,
                templates, commentThreads, webmentions::section);
        Admin admin = new Admin(templates, assets, site);
        web = new WebServer(config, cache, assets, clock, blog::errorPage,
                path -> posts.redirectFor(path).or(() -> series.redirectFor(path)).or(() -> wordpress.redirectFor(path)), List.of(
                new AccountRoutes(authors, sessions, site, admin, clock),
                new DashboardRoutes(admin, posts, site, outbox, subscriptions::confirmedCount),
                new SubscriberAdminRoutes(admin, subscriptions),
                new SeriesAdminRoutes(admin, series, posts, site),
                new SettingsAdminRoutes(admin, site, media),
                new ProfileAdminRoutes(admin, authors, media),
                new SiteStylesheet(site),
                new MediaAdminRoutes(admin, media, posts),
                new ContentAdminRoutes(admin, posts, series, media, markdown, site, authors, clock),
                new DraftPreviewRoutes(posts, blog::draftPage),
                new MediaRoutes(media),
                new CommentRoutes(comments, commentThreads, posts, site, templates, this::permalink, blog::postWithComments, readers),
                new AvatarRoutes(avatars),
                new PostFeeds(posts, series, authors, media, markdown, site),
                new SubscribeRoutes(subscriptions, series, site, templates, this::sendMailNow),
                new ReaderRoutes(readers, outbox, config.publicBase(), this::sendMailNow, site, templates, avatars::url),
                new dev.kioku.comments.ReaderDataRoutes(comments, readers, posts, site, templates, this::permalink),
                new dev.kioku.comments.CommentAdminRoutes(admin, comments, commentThreads, posts, this::permalink),
                new WebmentionRoutes(webmentions, this::publicBase, clock),
                new WebmentionAdminRoutes(admin, webmentions, this::permalink),
                signIns.publicRoutes(site, templates, assets.url("reader-popup.js")),
                signIns.adminRoutes(admin),
                new DiscoveryRoutes(posts, series, authors, media, site, templates, assets.url("embed.css")),
                blog));
        // posts that came due while the blog was down are public before the first request is answered
        publisher.publishDue();
        int httpPort = web.start();
        // after listening: the first page need not wait for the scheduler (it starts on a thread of its own)
        jobs.start();
        boundPort = config.tls().enabled() ? web.httpsPort() : httpPort;
        signIns.registerEnabled();
        return httpPort;
    }

    /** The HTTPS port bound by {@link #start()}, or -1 without a certificate. */
    public int httpsPort() {
        return web.httpsPort();
    }

    /** The blog's public address; with no base URL configured and port 0 (tests), the port actually bound. */
    public String publicBase() {
        if (config.baseUrl() != null || config.publicPort() != 0 || boundPort == 0) return config.publicBase();
        return config.publicBase().replaceFirst(":0$", ":" + boundPort);
    }

    /** Sends due mail off the request thread now (a sign-in link should not wait for the outbox job's next run). */
    private void sendMailNow() {
        Thread.ofVirtual().name("mail-now").start(outbox::sendDue);
    }

    /** A post's public URL in the site's permalink style. */
    private String permalink(dev.kioku.content.Post p) {
        return site.settings().permalink(p);
    }

    private List<NavLink> navigation() {
        // a page's address has neither date nor style (/slug/); asking the settings here would ask the site
        // frame being built
        return posts.publicPages().stream()
                .map(p -> new NavLink(p.title(), p.permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC))).toList();
    }

    /**
     * Bytes of rendered pages kept in memory before the least used are dropped: {@code setting} megabytes when
     * given, else a fifth of the heap the JVM may grow to (at least 8 MB). Why a share of the heap: the cache
     * lives in it, so a fixed size that suits {@code -Xmx256m} would crowd out everything else at
     * {@code -Xmx128m}, and a larger heap should buy more cached pages without a second setting.
     *
     * @param setting  {@value #PAGE_CACHE_ENV} (null or blank when unset)
     * @param maxHeap  {@code Runtime.maxMemory()}
     * @throws ConfigException when the setting is not a whole number of megabytes of at least 1
     */
    public static long pageCacheBytes(String setting, long maxHeap) {
        if (setting == null || setting.isBlank()) return Math.max(MIN_PAGE_CACHE_BYTES, maxHeap / 5);
        long mb;
        try {
            mb = Long.parseLong(setting.strip());
        } catch (NumberFormatException e) {
            mb = 0;
        }
        if (mb < 1 || mb > 1024 * 1024) {
            throw new ConfigException("page-cache-mb", "must be a whole number of megabytes from 1 to 1048576, got '" + setting
                    + "' (from " + PAGE_CACHE_ENV + ")");
        }
        return mb * MB;
    }

    /** Bytes the page cache may hold (see {@link #pageCacheBytes(String, long)}). */
    public long pageCacheBytes() {
        return pageCacheBytes;
    }

    /** Creates the data folder if needed. @throws ConfigException when it cannot be created or written */
    public static void prepareDataDir(Config config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new ConfigException("data", "cannot create folder " + config.dataDir() + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(config.dataDir())) throw new ConfigException("data", "folder " + config.dataDir() + " is not writable");
    }

    public Config config() {
        return config;
    }

    public Posts posts() {
        return posts;
    }

    /** Publishes scheduled posts; tests call {@code publishDue()} after moving the clock. */
    public ScheduledPublisher publisher() {
        return publisher;
    }

    /** Outgoing mail; tests call {@code sendDue()} after moving the clock. */
    public Outbox outbox() {
        return outbox;
    }

    public SeriesService series() {
        return series;
    }

    public Authors authors() {
        return authors;
    }

    public MediaLibrary media() {
        return media;
    }

    /** Email subscriptions; tests call {@code sendMailings()} (then the outbox's {@code sendDue()}). */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Comments comments() {
        return comments;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** Readers who sign in to comment: the provider flows call {@code upsert} and {@code signIn}. */
    public Readers readers() {
        return readers;
    }

    public Avatars avatars() {
        return avatars;
    }

    /** Sign-in providers for readers (Settings → Sign-in for readers). */
    public SignInProviders signIns() {
        return signIns;
    }

    /** Webmentions received and sent; tests call {@code verifyDue()} and {@code sendDue()}. */
    public Webmentions webmentions() {
        return webmentions;
    }

    /** {@code kioku export markdown}. */
    public MarkdownExport markdownExport() {
        return markdownExport;
    }

    /** {@code kioku import markdown}. */
    public MarkdownImport markdownImport() {
        return markdownImport;
    }

    /** {@code kioku export wordpress}. */
    public WordPressExport wordpressExport() {
        return wordpressExport;
    }

    /** {@code kioku import wordpress}. */
    public WordPressImport wordpressImport() {
        return wordpress;
    }

    public SiteService site() {
        return site;
    }

    public PageCache cache() {
        return cache;
    }

    /** Every HTTP endpoint as {@code "METHOD /path"}; empty before {@link #start()}. */
    public List<String> endpoints() {
        return web == null ? List.of() : web.endpoints();
    }

    public Clock clock() {
        return clock;
    }

    public EventBus events() {
        return events;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (web != null) web.stop();
        jobs.stop();
        database.close();
    }
}
