package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing in the editor over HTTP: create, edit, refused saves, the conflict case, preview and tags. */
@ParameterizedClass
@EnumSource(Engine.class)
class AdminEditorTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient ann;
    long annId;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        ann = blog.signIn("Ann Author", Role.AUTHOR);
        annId = staffId("ann.author@example.org");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    long staffId(String email) {
        return blog.app.authors().allStaff().stream().filter(s -> s.email().equals(email)).findFirst().orElseThrow().id();
    }

    static long idFrom(TestBlog.Response saved) {
        assertEquals(303, saved.status(), saved::text);
        String location = saved.header("Location");
        return Long.parseLong(location.replaceAll("^/admin/(posts|pages)/(\\d+)/.*$", "$2"));
    }

    @Test
    void a_writer_creates_a_post_from_the_form_and_finds_every_field_kept() {
        Document form = ann.page("/admin/posts/new/");
        TestBlog.Response saved = ann.submit(form, "#editor", "action=save", "title", "On Frieren", "body", "It is *quiet*.",
                "tags", "anime, Fantasy", "excerpt", "A gentle fantasy.", "reviewTitle", "Frieren", "reviewYear", "2023",
                "reviewCreator", "Kanehito Yamada", "reviewKind", "TVSeries", "commentsOpen", null);

        long id = idFrom(saved);
        assertEquals("/admin/posts/" + id + "/?notice=saved", saved.header("Location"));
        Post p = blog.app.posts().get(id);
        assertEquals("On Frieren", p.title());
        assertEquals("on-frieren", p.slug());
        assertEquals(Status.DRAFT, p.status());
        assertEquals(annId, p.authorId());
        assertEquals(List.of("anime", "fantasy"), p.tags().stream().map(Tag::slug).toList());
        assertEquals("A gentle fantasy.", p.excerpt());
        assertEquals(new Post.Review("Frieren", 2023, "Kanehito Yamada", ReviewKind.TV_SERIES), p.review());
        assertFalse(p.commentsOpen());

        Document edit = ann.page("/admin/posts/" + id + "/?notice=saved");
        assertEquals("Saved.", edit.selectFirst(".notice").text());
        assertEquals("On Frieren", edit.selectFirst("#title").val());
        assertEquals("It is *quiet*.", edit.selectFirst("#body").wholeText());
        assertEquals("<p>It is <em>quiet</em>.</p>", edit.selectFirst("#preview").html());
        assertEquals("anime, Fantasy", edit.selectFirst("#tags").val());
        assertEquals("TVSeries", edit.selectFirst("#reviewKind option[selected]").val());
        assertNull(edit.selectFirst("#commentsOpen").attribute("checked"));
    }

    @Test
    void editing_saves_a_new_version_and_clearing_the_excerpt_brings_back_the_automatic_one() {
        long id = idFrom(ann.submit(ann.page("/admin/posts/new/"), "#editor", "action=save", "title", "Tea",
                "body", "Green tea is grassy.", "excerpt", "Custom words."));
        assertEquals(1, blog.app.posts().get(id).version());

        Document edit = ann.page("/admin/posts/" + id + "/");
        TestBlog.Response saved = ann.submit(edit, "#editor", "action=save", "title", "Tea, again", "excerpt", "");

        assertEquals("/admin/posts/" + id + "/?notice=saved", saved.header("Location"));
        Post p = blog.app.posts().get(id);
        assertEquals("Tea, again", p.title());
        assertEquals("tea", p.slug());
        assertEquals(2, p.version());
        assertNull(p.customExcerpt());
        assertEquals("Green tea is grassy.", p.excerpt());
    }

    @Test
    void bad_input_is_refused_with_a_message_per_field_and_everything_typed_kept() {
        blog.app.posts().create(PostDraft.post("Taken", "x", annId, List.of()));
        String text = "A long text I must not lose.\n\nWith <b>markup</b> & more.";

        TestBlog.Response r = ann.submit(ann.page("/admin/posts/new/"), "#editor", "action=save", "title", "  ", "slug", "taken",
                "body", text, "tags", "ok, fine", "reviewYear", "nineteen", "reviewCreator", "Someone");

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertEquals("Give the post a title.", page.selectFirst("#title-error").text());
        assertEquals("The address “taken” is already used by “Taken”.", page.selectFirst("#slug-error").text());
        assertEquals("Write the year as a number, such as 1999.", page.selectFirst("#reviewYear-error").text());
        assertEquals("Name the work this post reviews, or clear the other review fields.", page.selectFirst("#reviewTitle-error").text());
        assertTrue(page.selectFirst("[role=alert]").text().contains("The post was not saved"));
        assertEquals("true", page.selectFirst("#title").attr("aria-invalid"));
        assertEquals("title-error", page.selectFirst("#title").attr("aria-describedby"));
        assertEquals(text, page.selectFirst("#body").wholeText());
        assertEquals("taken", page.selectFirst("#slug").val());
        assertEquals("ok, fine", page.selectFirst("#tags").val());
        assertEquals("nineteen", page.selectFirst("#reviewYear").val());
        assertEquals("Someone", page.selectFirst("#reviewCreator").val());
        assertEquals(1, blog.app.posts().adminList(Kind.POST, null, null, null, 0, 10).total(), "nothing was created");
    }

    @Test
    void a_changed_slug_of_a_published_post_keeps_the_old_address_answering_301() {
        long id = idFrom(ann.submit(ann.page("/admin/posts/new/"), "#editor", "action=publish", "title", "First name", "body", "Hello."));
        assertEquals(200, blog.get("/2026/11/20/first-name/").status());

        TestBlog.Response saved = ann.submit(ann.page("/admin/posts/" + id + "/"), "#editor", "action=save", "slug", "Second Name");

        assertEquals("/admin/posts/" + id + "/?notice=updated", saved.header("Location"));
        assertEquals("second-name", blog.app.posts().get(id).slug());
        TestBlog.Response old = blog.get("/2026/11/20/first-name/");
        assertEquals(301, old.status());
        assertEquals("/2026/11/20/second-name/", old.header("Location"));
        assertEquals(200, blog.get("/2026/11/20/second-name/").status());
    }

    @Test
    void a_save_made_on_an_older_version_is_refused_with_the_text_kept_and_a_link_to_the_current_one() {
        AdminClient eda = blog.signIn("Eda Editor", Role.EDITOR);
        long id = blog.app.posts().create(PostDraft.post("Shared", "Original.", annId, List.of())).id();
        Document annOpened = ann.page("/admin/posts/" + id + "/");
        Document edaOpened = eda.page("/admin/posts/" + id + "/");

        assertEquals(303, eda.submit(edaOpened, "#editor", "action=save", "body", "Eda's words.").status());
        TestBlog.Response second = ann.submit(annOpened, "#editor", "action=save", "body", "Ann's words.");

        assertEquals(409, second.status());
        assertEquals("Eda's words.", blog.app.posts().get(id).bodyMd(), "the second save was not applied");
        Document page = Jsoup.parse(second.text());
        assertEquals("Someone else saved this post since you opened it", page.selectFirst(".conflict h2").text());
        assertTrue(page.selectFirst(".conflict").text().contains("Eda Editor saved it at"));
        assertEquals("/admin/posts/" + id + "/", page.selectFirst(".conflict a").attr("href"));
        assertEquals("Ann's words.", page.selectFirst("#body").wholeText());
        assertEquals("1", page.selectFirst("#post-version").val(), "still the version Ann opened");

        TestBlog.Response again = ann.submit(page, "#editor", null);
        assertEquals(409, again.status(), "saving the same form again is still refused");
        TestBlog.Response replaced = ann.submit(page, "#editor", "overwrite=" + page.selectFirst("button[name=overwrite]").val());
        assertEquals(303, replaced.status());
        assertEquals("Ann's words.", blog.app.posts().get(id).bodyMd());
    }

    @Test
    void the_live_preview_is_the_public_renderer_sanitized_and_needs_the_csrf_token() {
        TestBlog.Response r = ann.post("/admin/preview/", "body", "**bold** <script>alert(1)</script>\n\n:::spoiler Ending\nHidden.\n:::");

        assertEquals(200, r.status());
        assertEquals("no-store", r.header("Cache-Control"));
        Document fragment = Jsoup.parseBodyFragment(r.text());
        assertEquals("bold", fragment.selectFirst("strong").text());
        assertTrue(fragment.select("script").isEmpty());
        assertEquals("Spoiler: Ending", fragment.selectFirst("details.spoiler summary").text());
        assertTrue(ann.post("/admin/preview/", "body", "").text().contains("preview-empty"));
        assertEquals(403, ann.post("/admin/preview/", "body", "x", "_csrf", "wrong").status());
    }

    @Test
    void tag_suggestions_complete_the_last_tag_and_leave_out_tags_already_given() {
        blog.app.posts().create(PostDraft.post("A", "", annId, List.of("Anime", "Animals", "Travel")));

        Document options = Jsoup.parseBodyFragment(ann.get("/admin/tags/?q=" + java.net.URLEncoder.encode("Animals, an", java.nio.charset.StandardCharsets.UTF_8)).text());
        assertEquals(List.of("Animals, Anime"), options.select("option").eachAttr("value"));
        Document all = Jsoup.parseBodyFragment(ann.get("/admin/tags/?tags=").text());
        assertEquals(3, all.select("option").size());
    }

    @Test
    void the_featured_image_is_chosen_from_the_media_library() throws IOException {
        var image = blog.app.media().add("uploads", "fox.png", png(), "A fox", "");
        Document form = ann.page("/admin/posts/new/");
        assertEquals(List.of("", Long.toString(image.id())), form.select("#featuredMediaId option").eachAttr("value"));
        assertEquals("A fox", form.select("#featuredMediaId option").get(1).text());

        long id = idFrom(ann.submit(form, "#editor", "action=save", "title", "Fox", "featuredMediaId", Long.toString(image.id())));

        assertEquals(image.id(), blog.app.posts().get(id).featuredMediaId());
        Document edit = ann.page("/admin/posts/" + id + "/");
        assertEquals("/media/uploads/fox.png", edit.selectFirst("#featured-thumb").attr("src"));
        TestBlog.Response bad = ann.submit(edit, "#editor", "action=save", "featuredMediaId", "999999");
        assertEquals(422, bad.status());
        assertTrue(Jsoup.parse(bad.text()).selectFirst("#featuredMediaId-error").text().contains("no longer in the media library"));
    }

    @Test
    void the_editor_shows_the_series_and_part_with_a_link_to_the_series_admin() {
        long id = blog.app.posts().create(PostDraft.post("Part one", "x", annId, List.of())).id();
        var series = blog.app.series().create("The Memory Palace", "");
        blog.app.series().addPost(series.id(), id);
        blog.app.series().addPlanned(series.id(), "Part two", "");

        Document edit = ann.page("/admin/posts/" + id + "/");

        assertEquals("Part 1 of 2 in The Memory Palace.", edit.selectFirst("#series-h + p").text());
        assertEquals("/admin/series/" + series.id() + "/", edit.selectFirst("a:contains(Manage the series)").attr("href"));
    }

    @Test
    void contributors_save_drafts_but_cannot_publish_nor_touch_posts_of_others_or_once_published() {
        AdminClient cy = blog.signIn("Cy Contributor", Role.CONTRIBUTOR);
        Document form = cy.page("/admin/posts/new/");
        assertTrue(form.select("button[value=publish]").isEmpty(), "no publish button");
        assertEquals(403, cy.submit(form, "#editor", "action=publish", "title", "Mine").status());
        long mine = idFrom(cy.submit(form, "#editor", "action=save", "title", "Mine"));
        assertEquals(403, cy.submit(cy.page("/admin/posts/" + mine + "/"), "#editor", "action=publish").status());
        assertEquals(Status.DRAFT, blog.app.posts().get(mine).status());

        long annsPost = blog.app.posts().create(PostDraft.post("Ann's", "x", annId, List.of())).id();
        assertEquals(403, cy.get("/admin/posts/" + annsPost + "/").status());
        assertEquals(403, cy.post("/admin/posts/" + annsPost + "/", "title", "Taken over", "version", "1").status());
        assertEquals(403, cy.post("/admin/posts/" + annsPost + "/autosave", "title", "Taken over", "version", "1").status());
        assertEquals("Ann's", blog.app.posts().get(annsPost).title());

        blog.app.posts().publish(mine, null);
        TestBlog.Response published = cy.get("/admin/posts/" + mine + "/");
        assertEquals(403, published.status());
        assertTrue(published.text().contains("contributors edit their drafts only"));
    }

    @Test
    void an_author_cannot_edit_another_authors_post_but_an_editor_can() {
        AdminClient bo = blog.signIn("Bo Author", Role.AUTHOR);
        AdminClient eda = blog.signIn("Eda Editor", Role.EDITOR);
        long id = blog.app.posts().create(PostDraft.post("Ann's", "x", annId, List.of())).id();

        assertEquals(403, bo.get("/admin/posts/" + id + "/").status());
        TestBlog.Response published = eda.submit(eda.page("/admin/posts/" + id + "/"), "#editor", "action=publish");
        assertEquals("/admin/posts/" + id + "/?notice=published", published.header("Location"));
        assertEquals(annId, blog.app.posts().get(id).authorId(), "the author stays the author");
    }

    @Test
    void editors_write_pages_at_their_own_address_and_authors_cannot() {
        AdminClient eda = blog.signIn("Eda Editor", Role.EDITOR);
        Document form = eda.page("/admin/pages/new/");
        assertTrue(form.select("#tags, #reviewTitle").isEmpty(), "pages have no tags or review");

        long id = idFrom(eda.submit(form, "#editor", "action=publish", "title", "About me", "body", "Hello."));

        assertEquals(Kind.PAGE, blog.app.posts().get(id).kind());
        assertEquals(200, blog.get("/about-me/").status());
        assertEquals(302, eda.get("/admin/posts/" + id + "/").status(), "a page opened as a post goes to the pages editor");
        assertEquals(403, ann.get("/admin/pages/" + id + "/").status());
        TestBlog.Response reserved = eda.submit(eda.page("/admin/pages/" + id + "/"), "#editor", "action=save", "slug", "admin");
        assertEquals(422, reserved.status());
        assertEquals("The address “admin” is used by the site itself (/admin/).", Jsoup.parse(reserved.text()).selectFirst("#slug-error").text());
    }

    @Test
    void unknown_posts_and_bad_ids_are_not_found() {
        assertEquals(404, ann.get("/admin/posts/999999/").status());
        assertEquals(404, ann.get("/admin/posts/abc/").status());
        assertEquals(404, ann.post("/admin/posts/999999/", "title", "x").status());
    }

    static byte[] png() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
