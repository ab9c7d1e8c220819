package dev.kioku.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Tag;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.site.SiteSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code kioku export wordpress}: the whole blog as a WXR 1.2 file that WordPress's importer and Kioku's own read.
 *
 * <p>Posts are read and written {@value #PAGE} at a time, so memory stays flat. Each post carries its rendered HTML
 * (what WordPress shows) and its Markdown source as the custom field {@code _kioku_markdown} (what Kioku restores);
 * images become attachments at WordPress's {@code wp-content/uploads/YYYY/MM/name} addresses, their files copied into
 * the media folder in that layout. Series, which WordPress lacks, are terms of a taxonomy of their own plus custom
 * fields on their posts.
 */
public final class WordPressExport {
    static final int PAGE = 200;
    /** A site-relative image address in Markdown or HTML: {@code /media/2026/11/fox.jpg}, {@code /media/demo/walk.png}. */
    private static final Pattern MEDIA = Pattern.compile("(?<![\\w/.:-])/media/(?=[\\w.-]+/)");
    private static final Pattern RELATIVE = Pattern.compile("\\b(href|src)=\"/(?!/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Posts posts;
    private final SeriesService series;
    private final MediaLibrary media;
    private final Supplier<SiteSettings> settings;
    private final Supplier<String> base;
    private final Clock clock;
    private final ExportStore store = new ExportStore();

    public WordPressExport(Jdbi jdbi, Posts posts, SeriesService series, MediaLibrary media, Supplier<SiteSettings> settings,
                           Supplier<String> base, Clock clock) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.series = series;
        this.media = media;
        this.settings = settings;
        this.base = base;
        this.clock = clock;
    }

    /** What an export wrote. */
    public record Counts(int posts, int pages, int comments, int images, int series) {
        public String summary() {
            return posts + " posts, " + pages + " pages, " + comments + " comments, " + images + " images, " + series + " series";
        }
    }

    /**
     * Writes the export to {@code out} (replaced if it exists) and, when {@code mediaDir} is given, copies every image
     * into it as {@code YYYY/MM/name}.
     *
     * @throws UncheckedIOException when a file cannot be written (the message names it)
     */
    public Counts run(Path out, Path mediaDir) {
        try {
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            Counts counts;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial))) {
                var x = XMLOutputFactory.newFactory().createXMLStreamWriter(o, "UTF-8");
                counts = new Run(new WxrWriter(x, settings.get().timeZone()), mediaDir).write();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /** Plain text as HTML (captions and alt text are plain text here, HTML in WordPress). */
    static String asHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The uploads-relative name of an image: {@code 2026/11/fox-k3j9aa.jpg} for {@code /media/2026/11/fox-k3j9aa.jpg}. */
    static String uploadName(Media m) {
        return m.path().substring("/media/".length());
    }

    /** One export, start to end. */
    private final class Run {
        private final WxrWriter w;
        private final Path mediaDir;
        private final String site;
        private final String uploads;
        private final SiteSettings s = settings.get();
        private final Map<Long, String> logins = new HashMap<>();
        private long attachmentBase;
        private int postCount;
        private int pageCount;
        private int commentCount;

        Run(WxrWriter w, Path mediaDir) {
            this.w = w;
            this.mediaDir = mediaDir;
            this.site = base.get().replaceFirst("/+$", "");
            this.uploads = site + "/wp-content/uploads/";
        }

        Counts write() throws XMLStreamException, IOException {
            var x = w.xml();
            x.writeStartDocument("UTF-8", "1.0");
            x.writeComment(" WordPress eXtended RSS (WXR) 1.2 written by Kioku. Import it in WordPress with Tools > Import > WordPress,"
                    + " or in Kioku with kioku import wordpress. ");
            x.setPrefix("excerpt", WxrWriter.EXCERPT);
            x.setPrefix("content", WxrWriter.CONTENT);
            x.setPrefix("wfw", WxrWriter.WFW);
            x.setPrefix("dc", WxrWriter.DC);
            x.setPrefix("wp", WxrWriter.WP);
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("excerpt", WxrWriter.EXCERPT);
            x.writeNamespace("content", WxrWriter.CONTENT);
            x.writeNamespace("wfw", WxrWriter.WFW);
            x.writeNamespace("dc", WxrWriter.DC);
            x.writeNamespace("wp", WxrWriter.WP);
            w.start("channel");
            w.text("title", s.title());
            w.text("link", site);
            w.text("description", s.tagline());
            w.text("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
            w.text("language", s.language());
            w.wp("wxr_version", "1.2");
            w.wp("base_site_url", site);
            w.wp("base_blog_url", site);
            jdbi.useHandle(h -> {
                for (ExportStore.Author a : store.authors(h)) author(a);
                for (ExportStore.TagRow t : store.tags(h)) tag(t);
                attachmentBase = store.maxPostId(h);
            });
            List<Series> all = series.all();
            for (Series one : all) seriesTerm(one);
            w.text("generator", "Kioku");
            int images = 0;
            for (Media m : media.all()) {
                attachment(m);
                images++;
            }
            long after = 0;
            while (true) {
                long from = after;
                List<Long> ids = jdbi.withHandle(h -> store.postIdsAfter(h, from, PAGE));
                if (ids.isEmpty()) break;
                Map<Long, Post> page = posts.byIdsWithTags(ids);
                Map<Long, List<ExportStore.CommentRow>> comments = new LinkedHashMap<>();
                Map<Long, ExportStore.SeriesSlot> slots = jdbi.withHandle(h -> {
                    store.comments(h, ids).forEach(c -> comments.computeIfAbsent(c.postId(), k -> new java.util.ArrayList<>()).add(c));
                    return store.seriesSlots(h, ids);
                });
                for (long id : ids) {
                    Post p = page.get(id);
                    if (p != null) item(p, comments.getOrDefault(id, List.of()), slots.get(id));
                }
                after = ids.getLast();
            }
            w.xml().writeCharacters("\n");
            w.end();
            w.xml().writeCharacters("\n");
            w.end();
            w.xml().writeEndDocument();
            return new Counts(postCount, pageCount, commentCount, images, all.size());
        }

        private void author(ExportStore.Author a) throws XMLStreamException {
            logins.put(a.id(), a.slug());
            w.wpStart("author");
            w.wp("author_id", a.id());
            w.wpData("author_login", a.slug());
            w.wpData("author_email", a.email());
            w.wpData("author_display_name", a.name());
            w.wpData("author_first_name", "");
            w.wpData("author_last_name", "");
            w.end();
        }

        private void tag(ExportStore.TagRow t) throws XMLStreamException {
            w.wpStart("tag");
            w.wp("term_id", t.id());
            w.wpData("tag_slug", t.slug());
            w.wpData("tag_name", t.name());
            w.end();
        }

        private void seriesTerm(Series one) throws XMLStreamException {
            w.wpStart("term");
            w.wp("term_id", one.id());
            w.wpData("term_taxonomy", WxrWriter.SERIES_TAXONOMY);
            w.wpData("term_slug", one.slug());
            w.wpData("term_parent", "");
            w.wpData("term_name", one.title());
            w.wpData("term_description", one.descriptionMd());
            for (SeriesService.Slot slot : series.slots(one.id())) {
                if (slot.postId() != null) continue;
                try {
                    w.meta("termmeta", WxrWriter.PLANNED, JSON.writeValueAsString(Map.of("position", slot.position(),
                            "title", slot.plannedTitle(), "note", slot.plannedNote() == null ? "" : slot.plannedNote())));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            w.end();
        }

        private void attachment(Media m) throws XMLStreamException, IOException {
            String rel = uploadName(m);
            if (mediaDir != null) {
                Path from = media.file(m.path()).orElseThrow(() -> new IOException("the file of " + m.path() + " is missing"));
                Path to = mediaDir.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            String name = m.originalName().isBlank() ? m.fileName() : m.originalName();
            w.start("item");
            w.text("title", name.replaceFirst("\\.[A-Za-z0-9]+$", ""));
            w.text("link", site + m.path());
            w.text("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(m.createdAt().atZone(java.time.ZoneOffset.UTC)));
            w.data("dc", "creator", WxrWriter.DC, m.uploadedBy() == null ? "" : logins.getOrDefault(m.uploadedBy(), ""));
            guid(uploads + rel, false);
            w.text("description", "");
            w.data("content", "encoded", WxrWriter.CONTENT, "");
            w.data("excerpt", "encoded", WxrWriter.EXCERPT, asHtml(m.caption()));
            w.wp("post_id", attachmentBase + m.id());
            w.wpData("post_date", w.date(m.createdAt(), false));
            w.wpData("post_date_gmt", w.date(m.createdAt(), true));
            w.wpData("comment_status", "closed");
            w.wpData("ping_status", "closed");
            w.wpData("post_name", m.fileName().replaceFirst("\\.[A-Za-z0-9]+$", ""));
            w.wpData("status", "inherit");
            w.wp("post_parent", 0);
            w.wp("menu_order", 0);
            w.wpData("post_type", "attachment");
            w.wpData("post_password", "");
            w.wp("is_sticky", 0);
            w.wpData("attachment_url", uploads + rel);
            w.meta("postmeta", "_wp_attached_file", rel);
            if (!m.alt().isEmpty()) w.meta("postmeta", "_wp_attachment_image_alt", asHtml(m.alt()));
            w.xml().writeCharacters("\n");
            w.end();
        }

        private void guid(String value, boolean permalink) throws XMLStreamException {
            w.xml().writeCharacters("\n");
            w.xml().writeStartElement("guid");
            w.xml().writeAttribute("isPermaLink", String.valueOf(permalink));
            w.xml().writeCharacters(value);
            w.end();
        }

        private void item(Post p, List<ExportStore.CommentRow> comments, ExportStore.SeriesSlot slot) throws XMLStreamException {
            boolean page = p.kind() == Kind.PAGE;
            if (page) pageCount++;
            else postCount++;
            var date = p.publishedAt() == null ? p.createdAt() : p.publishedAt();
            w.start("item");
            w.text("title", p.title());
            w.text("link", site + s.permalink(p));
            w.text("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(java.time.ZoneOffset.UTC)));
            w.data("dc", "creator", WxrWriter.DC, logins.getOrDefault(p.authorId(), ""));
            guid(site + "/?p=" + p.id(), false);
            w.text("description", "");
            w.data("content", "encoded", WxrWriter.CONTENT, absolute(p.bodyHtml()));
            w.data("excerpt", "encoded", WxrWriter.EXCERPT, p.customExcerpt() == null ? "" : p.customExcerpt());
            w.wp("post_id", p.id());
            w.wpData("post_date", w.date(date, false));
            w.wpData("post_date_gmt", w.date(date, true));
            w.wpData("post_modified", w.date(p.updatedAt(), false));
            w.wpData("post_modified_gmt", w.date(p.updatedAt(), true));
            w.wpData("comment_status", p.commentsOpen() ? "open" : "closed");
            w.wpData("ping_status", "closed");
            w.wpData("post_name", p.slug());
            w.wpData("status", switch (p.status()) {
                case PUBLISHED -> "publish";
                case SCHEDULED -> "future";
                case DRAFT -> "draft";
            });
            w.wp("post_parent", 0);
            w.wp("menu_order", 0);
            w.wpData("post_type", page ? "page" : "post");
            w.wpData("post_password", "");
            w.wp("is_sticky", 0);
            for (Tag t : p.tags()) term("post_tag", t.slug(), t.name());
            if (slot != null) {
                series.bySlug(slot.seriesSlug()).ifPresent(one -> {
                    try {
                        term(WxrWriter.SERIES_TAXONOMY, one.slug(), one.title());
                    } catch (XMLStreamException e) {
                        throw new IllegalStateException(e);
                    }
                });
                w.meta("postmeta", WxrWriter.SERIES, slot.seriesSlug());
                w.meta("postmeta", WxrWriter.SERIES_PART, String.valueOf(slot.position()));
            }
            w.meta("postmeta", WxrWriter.MARKDOWN, uploadsIn(p.bodyMd()));
            if (p.review() != null) {
                try {
                    w.meta("postmeta", WxrWriter.REVIEW, JSON.writeValueAsString(Reviews.toMap(p.review())));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (p.featuredMediaId() != null) w.meta("postmeta", "_thumbnail_id", String.valueOf(attachmentBase + p.featuredMediaId()));
            for (ExportStore.CommentRow c : comments) comment(c);
            w.xml().writeCharacters("\n");
            w.end();
        }

        private void term(String domain, String slug, String name) throws XMLStreamException {
            w.xml().writeCharacters("\n");
            w.xml().writeStartElement("category");
            w.xml().writeAttribute("domain", domain);
            w.xml().writeAttribute("nicename", slug);
            w.cdata(name);
            w.end();
        }

        private void comment(ExportStore.CommentRow c) throws XMLStreamException {
            commentCount++;
            w.wpStart("comment");
            w.wp("comment_id", c.id());
            w.wpData("comment_author", c.name());
            w.wpData("comment_author_email", c.email());
            w.wp("comment_author_url", c.url() == null ? "" : c.url());
            w.wpData("comment_author_IP", c.ip());
            w.wpData("comment_date", w.date(c.at(), false));
            w.wpData("comment_date_gmt", w.date(c.at(), true));
            w.wpData("comment_content", absolute(c.bodyHtml()));
            w.wpData("comment_approved", switch (c.status()) {
                case APPROVED -> "1";
                case PENDING -> "0";
                case SPAM -> "spam";
                case TRASH -> "trash";
            });
            w.wpData("comment_type", "comment");
            w.wp("comment_parent", c.parentId() == null ? 0 : c.parentId());
            w.wp("comment_user_id", c.staffId() == null ? 0 : c.staffId());
            w.meta("commentmeta", WxrWriter.MARKDOWN, c.bodyMd());
            w.end();
        }

        /** HTML for WordPress: images at their uploads address, other site links absolute. */
        private String absolute(String html) {
            return RELATIVE.matcher(uploadsIn(html)).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=\"" + site + "/"));
        }

        /** Image addresses as the attachments have them, so an importer can point them at wherever it puts the files. */
        private String uploadsIn(String text) {
            return MEDIA.matcher(text).replaceAll(Matcher.quoteReplacement(uploads));
        }
    }
}
