package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.UploadClient;
import dev.kioku.testing.UploadClient.FilePart;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The media library pages over HTTP, on both engines: the grid, alt text and captions, delete, roles, CSRF, the picker. */
@ParameterizedClass
@EnumSource(Engine.class)
class MediaAdminTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    UploadClient author;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        author = UploadClient.signIn(blog, Role.AUTHOR, "Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Media upload(UploadClient who, String name, byte[] bytes) {
        TestBlog.Response r = who.upload("/admin/media/", List.of(FilePart.image(name, bytes)), true);
        assertEquals(302, r.status(), r.text());
        return blog.app.media().list(0, 1).items().get(0);
    }

    private Post published(String title, String body, Long featured) {
        PostDraft draft = PostDraft.post(title, body, author.account.id(), List.of());
        if (featured != null) draft = draft.withFeaturedImage(featured);
        return blog.app.posts().publish(blog.app.posts().create(draft).id(), null);
    }

    @Test
    void the_library_shows_each_image_with_its_alt_text_caption_and_size_newest_first() {
        upload(author, "first.png", TestImages.png(1000, 500));
        Media second = upload(author, "second.jpg", TestImages.jpeg(800, 600));
        blog.app.media().describe(second.id(), "A red and blue card", "Seen from above");

        Document page = author.page("/admin/media/");

        List<Element> cards = page.select(".media-card");
        assertEquals(2, cards.size());
        Element card = cards.get(0);
        assertEquals("media-" + second.id(), card.id());
        assertEquals(second.fileName(), card.selectFirst(".media-card__name").text());
        assertTrue(card.selectFirst(".media-card__meta").text().startsWith("800 × 600 · "), card.text());
        assertEquals("A red and blue card", card.selectFirst(".media-card__alt").text());
        assertEquals("Seen from above", card.selectFirst(".media-card__caption").text());
        assertEquals(second.variants().get(0).path(), card.selectFirst("img").attr("src"), "thumbnails use the 480 px copy");
        assertEquals("Missing", cards.get(1).selectFirst(".media-card__alt").text());
        assertEquals("2 images", page.selectFirst(".media-library__count").text());
        Element form = page.selectFirst("form[data-upload]");
        assertEquals("multipart/form-data", form.attr("enctype"));
        assertNotNull(form.selectFirst("input[type=file][name=files][multiple]"), "a plain file field works without JavaScript");
    }

    @Test
    void the_library_pages_by_24() {
        for (int i = 0; i < 25; i++) blog.app.media().add("t", "img-" + i + ".png", TestImages.png(20, 10), "", "");

        Document first = author.page("/admin/media/");
        assertEquals(24, first.select(".media-card").size());
        assertEquals("/admin/media/?page=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = author.page("/admin/media/?page=2");
        assertEquals(1, second.select(".media-card").size());
        assertEquals("/admin/media/", second.selectFirst("a[rel=prev]").attr("href"));
    }

    @Test
    void alt_text_and_caption_are_edited_inline_with_htmx_and_featured_images_follow() {
        Media m = upload(author, "cover.jpg", TestImages.jpeg(1200, 600));
        published("Cover story", "Text.", m.id());
        assertEquals("", blog.page("/2026/11/20/cover-story/").selectFirst(".featured img").attr("alt"));

        TestBlog.Response r = author.post("/admin/media/" + m.id() + "/", Map.of("alt", "A red and\nblue  flag", "caption", "Our flag"),
                "HX-Request", "true");

        assertEquals(200, r.status(), r.text());
        Element card = Jsoup.parseBodyFragment(r.text()).selectFirst("li.media-card");
        assertEquals("media-" + m.id(), card.id());
        assertEquals("Saved.", card.selectFirst("[role=status]").text());
        assertEquals("A red and blue flag", card.selectFirst(".media-card__alt").text());
        assertEquals("Our flag", card.selectFirst(".media-card__caption").text());
        Element featured = blog.page("/2026/11/20/cover-story/").selectFirst(".featured img");
        assertEquals("A red and blue flag", featured.attr("alt"), "the cached post page was refreshed");
    }

    @Test
    void without_javascript_an_edit_comes_back_to_the_page_it_was_made_on() {
        Media m = upload(author, "a.png", TestImages.png(100, 100));

        TestBlog.Response r = author.post("/admin/media/" + m.id() + "/", Map.of("alt", "Alt", "caption", "", "page", "2"));

        assertEquals(302, r.status());
        assertEquals("/admin/media/?page=2&notice=saved#media-" + m.id(), r.header("Location"));
        assertEquals("Alt", blog.app.media().byId(m.id()).orElseThrow().alt());
    }

    @Test
    void alt_text_that_is_too_long_is_refused_and_what_was_typed_is_kept() {
        Media m = upload(author, "a.png", TestImages.png(100, 100));
        String tooLong = "x".repeat(MediaLibrary.MAX_ALT + 1);

        TestBlog.Response htmx = author.post("/admin/media/" + m.id() + "/", Map.of("alt", tooLong, "caption", "Kept"), "HX-Request", "true");
        Element card = Jsoup.parseBodyFragment(htmx.text()).selectFirst("li.media-card");
        assertTrue(card.selectFirst("[role=alert]").text().contains("at most 1000 characters"), card.text());
        assertEquals(tooLong, card.selectFirst("input[name=alt]").val());
        assertEquals("Kept", card.selectFirst("input[name=caption]").val());
        assertTrue(card.selectFirst("details").hasAttr("open"));

        TestBlog.Response plain = author.post("/admin/media/" + m.id() + "/", Map.of("alt", tooLong, "caption", "Kept"));
        assertEquals(422, plain.status());
        assertEquals(tooLong, Jsoup.parse(plain.text()).selectFirst("#media-" + m.id() + " input[name=alt]").val());
        assertEquals("", blog.app.media().byId(m.id()).orElseThrow().alt());
    }

    @Test
    void deleting_an_image_removes_it_and_its_copies() {
        Media m = upload(author, "gone.jpg", TestImages.jpeg(1000, 500));
        assertEquals(200, blog.get(m.variants().get(0).path()).status());

        TestBlog.Response r = author.post("/admin/media/" + m.id() + "/delete/", Map.of());

        assertEquals(302, r.status(), r.text());
        assertEquals("/admin/media/?notice=image-deleted", r.header("Location"));
        assertEquals(404, blog.get(m.path()).status());
        assertEquals(404, blog.get(m.variants().get(0).path()).status());
        assertTrue(author.page("/admin/media/?notice=image-deleted").select(".media-card").isEmpty());
        Element confirm = Jsoup.parse(author.get("/admin/media/").text()).selectFirst("[data-confirm]");
        assertNull(confirm, "no card, no delete button");
    }

    @Test
    void the_delete_button_asks_first() {
        Media m = upload(author, "a.png", TestImages.png(100, 100));

        Element button = author.page("/admin/media/").selectFirst("#media-" + m.id() + " .media-card__delete button");

        assertTrue(button.attr("data-confirm").startsWith("Delete " + m.fileName()), button.outerHtml());
    }

    @Test
    void an_image_still_shown_by_a_post_is_not_deleted_and_the_posts_are_named() {
        Media cover = upload(author, "cover.jpg", TestImages.jpeg(800, 400));
        Media inline = upload(author, "inline.png", TestImages.png(800, 400));
        published("Featuring it", "Text.", cover.id());
        blog.app.posts().create(PostDraft.post("Draft with a figure", "![x](" + inline.path() + " \"c\")", author.account.id(), List.of()));

        TestBlog.Response r = author.post("/admin/media/" + cover.id() + "/delete/", Map.of());
        assertEquals(409, r.status());
        String error = Jsoup.parse(r.text()).selectFirst(".error").text();
        assertTrue(error.contains("“Featuring it” (featured image of the post)"), error);

        TestBlog.Response r2 = author.post("/admin/media/" + inline.id() + "/delete/", Map.of());
        assertEquals(409, r2.status());
        assertTrue(Jsoup.parse(r2.text()).selectFirst(".error").text().contains("“Draft with a figure” (in the text of the post)"));
        assertEquals(200, blog.get(cover.path()).status());
        assertEquals(2, blog.app.media().list(0, 10).total());
    }

    @Test
    void a_published_post_offers_the_copies_of_its_figure_and_featured_image_in_srcset() {
        Media m = upload(author, "wide.jpg", TestImages.jpeg(2000, 1000));
        blog.app.media().describe(m.id(), "Red and blue", "");
        published("Wide", "Intro.\n\n![Red and blue](" + m.path() + " \"Halves\")\n\nMore.", m.id());

        Document page = blog.page("/2026/11/20/wide/");

        for (Element img : List.of(page.selectFirst(".prose figure img"), page.selectFirst(".featured img"))) {
            List<String> candidates = List.of(img.attr("srcset").split("\\s*,\\s*"));
            assertEquals(List.of(m.variants().get(0).path() + " 480w", m.variants().get(1).path() + " 960w",
                    m.variants().get(2).path() + " 1600w", m.path() + " 2000w"), candidates, img.outerHtml());
            assertEquals("(min-width: 60rem) 50rem, 100vw", img.attr("sizes"));
            assertEquals(m.path(), img.attr("src"));
            for (String candidate : candidates) assertEquals(200, blog.get(candidate.split(" ")[0]).status(), candidate);
        }
        Element lead = blog.page("/").selectFirst(".card__image img");
        assertTrue(lead.attr("srcset").contains("480w"), "the home page's lead image too");
    }

    @Test
    void a_featured_image_too_small_for_copies_has_no_srcset_or_sizes_attribute() {
        Media small = upload(author, "small.png", TestImages.png(400, 200));
        published("Small", "![s](" + small.path() + ")", small.id());

        Document page = blog.page("/2026/11/20/small/");

        for (Element img : page.select(".featured img, .prose img")) {
            assertFalse(img.hasAttr("srcset"), img.outerHtml());
            assertFalse(img.hasAttr("sizes"), img.outerHtml());
        }
    }

    @Test
    void the_picker_is_a_fragment_of_buttons_that_insert_figures() {
        Media m = upload(author, "fox.jpg", TestImages.jpeg(1000, 500));
        blog.app.media().describe(m.id(), "A \"red\" fox", "At dawn");

        TestBlog.Response r = author.get("/admin/media/picker/", "HX-Request", "true");

        assertEquals(200, r.status());
        assertEquals("no-store", r.header("Cache-Control"));
        assertFalse(r.text().contains("<html"), "a fragment, not a page");
        Document fragment = Jsoup.parseBodyFragment(r.text());
        Element button = fragment.selectFirst("section[data-picker] button[data-insert-figure]");
        assertEquals("button", button.attr("type"), "never submits the editor's form");
        assertEquals("A \"red\" fox", button.attr("data-alt"));
        assertEquals(m.path(), button.attr("data-src"));
        assertEquals("At dawn", button.attr("data-caption"));
        Element upload = fragment.selectFirst("input[type=file][data-picker-upload]");
        assertFalse(upload.hasAttr("name"), "the upload field never travels with the editor's form");
        assertNotNull(fragment.selectFirst("[data-picker-close]"));
    }

    @Test
    void the_picker_pages_by_12() {
        for (int i = 0; i < 13; i++) blog.app.media().add("t", "p-" + i + ".png", TestImages.png(20, 10), "", "");

        Document first = Jsoup.parseBodyFragment(author.get("/admin/media/picker/").text());
        assertEquals(12, first.select("[data-insert-figure]").size());
        assertEquals("/admin/media/picker/?page=2", first.selectFirst("button[hx-get]").attr("hx-get"));
        assertEquals(1, Jsoup.parseBodyFragment(author.get("/admin/media/picker/?page=2").text()).select("[data-insert-figure]").size());
    }

    @Test
    void contributors_may_not_see_upload_or_pick_media() {
        UploadClient contributor = UploadClient.signIn(blog, Role.CONTRIBUTOR, "Ken Ito");
        Media m = upload(author, "a.png", TestImages.png(100, 100));

        assertEquals(403, contributor.get("/admin/media/").status());
        assertEquals(403, contributor.get("/admin/media/picker/").status());
        assertEquals(403, contributor.upload("/admin/media/", List.of(FilePart.image("b.png", TestImages.png(10, 10))), true).status());
        assertEquals(403, contributor.post("/admin/media/" + m.id() + "/", Map.of("alt", "x", "caption", "")).status());
        assertEquals(403, contributor.post("/admin/media/" + m.id() + "/delete/", Map.of()).status());
        assertFalse(contributor.page("/admin/").select("nav a").eachText().contains("Media"));
        assertEquals(1, blog.app.media().list(0, 10).total());
    }

    @Test
    void authors_change_only_their_own_images_and_editors_any() {
        UploadClient other = UploadClient.signIn(blog, Role.AUTHOR, "Mei Sato");
        UploadClient editor = UploadClient.signIn(blog, Role.EDITOR, "Emi Tanaka");
        Media mine = upload(author, "mine.png", TestImages.png(100, 100));

        assertEquals(403, other.post("/admin/media/" + mine.id() + "/", Map.of("alt", "hijacked", "caption", "")).status());
        assertEquals(403, other.post("/admin/media/" + mine.id() + "/delete/", Map.of()).status());
        assertTrue(other.page("/admin/media/").select("#media-" + mine.id() + " form").isEmpty(), "no forms on others' images");
        assertEquals(302, editor.post("/admin/media/" + mine.id() + "/", Map.of("alt", "By the editor", "caption", "")).status());
        assertEquals("By the editor", blog.app.media().byId(mine.id()).orElseThrow().alt());
    }

    @Test
    void every_change_without_the_csrf_token_is_refused() {
        Media m = upload(author, "a.png", TestImages.png(100, 100));

        assertEquals(403, author.upload("/admin/media/", List.of(FilePart.image("b.png", TestImages.png(10, 10))), false).status());
        assertEquals(403, author.postExactly("/admin/media/" + m.id() + "/", Map.of("alt", "x", "caption", "")).status());
        assertEquals(403, author.postExactly("/admin/media/" + m.id() + "/delete/", Map.of()).status());
        assertEquals(403, author.postExactly("/admin/media/" + m.id() + "/delete/", Map.of("_csrf", "forged-forged-forged-forged-forged")).status());
        assertEquals(1, blog.app.media().list(0, 10).total());
        assertEquals("", blog.app.media().byId(m.id()).orElseThrow().alt());
    }

    @Test
    void signed_out_visitors_are_sent_to_sign_in() {
        TestBlog.Response r = blog.get("/admin/media/");

        assertEquals(302, r.status());
        assertTrue(r.header("Location").startsWith("/admin/sign-in/?next="), r.header("Location"));
        assertEquals(401, blog.get("/admin/media/picker/", "HX-Request", "true").status());
    }

    @Test
    void unknown_images_answer_404() {
        assertEquals(404, author.post("/admin/media/424242/", Map.of("alt", "x", "caption", "")).status());
        assertEquals(404, author.post("/admin/media/nope/delete/", Map.of()).status());
    }
}
