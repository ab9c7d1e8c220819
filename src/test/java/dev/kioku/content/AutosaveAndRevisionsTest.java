package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Autosave, revisions, their comparison with the current text and restoring, over HTTP on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class AutosaveAndRevisionsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient ann;
    long annId;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        ann = blog.signIn("Ann Author", Role.AUTHOR);
        annId = blog.app.authors().allStaff().get(0).id();
        post = blog.app.posts().create(PostDraft.post("Notes", "one\ntwo\nthree", annId, List.of("tea")));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private TestBlog.Response autosave(Document editor, String... overrides) {
        var fields = AdminClient.fields(editor.selectFirst("#editor"));
        for (int i = 0; i < overrides.length; i += 2) fields.put(overrides[i], List.of(overrides[i + 1]));
        return ann.post(editor.selectFirst("#editor").attr("hx-post"), fields);
    }

    @Test
    void an_autosave_keeps_a_revision_without_changing_the_post_and_the_editor_offers_it_back() {
        Document editor = ann.page("/admin/posts/" + post.id() + "/");
        assertEquals("/admin/posts/" + post.id() + "/autosave", editor.selectFirst("#editor").attr("hx-post"));
        blog.clock.advance(Duration.ofMinutes(3));

        TestBlog.Response r = autosave(editor, "body", "one\ntwo\nthree\nfour");

        assertEquals(200, r.status());
        assertTrue(r.text().contains("Autosaved at"), r.text());
        assertEquals("one\ntwo\nthree", blog.app.posts().get(post.id()).bodyMd(), "the post itself is unchanged");
        Revision latest = blog.app.posts().latestRevision(post.id()).orElseThrow();
        assertEquals(Revision.Reason.AUTOSAVE, latest.reason());
        assertEquals("one\ntwo\nthree\nfour", latest.bodyMd());
        assertEquals(annId, latest.savedBy());

        TestBlog.Response same = autosave(editor, "body", "one\ntwo\nthree\nfour");
        assertEquals(latest.id(), blog.app.posts().latestRevision(post.id()).orElseThrow().id(), "unchanged text adds nothing");
        assertTrue(same.text().contains("Autosaved at"));

        Document reopened = ann.page("/admin/posts/" + post.id() + "/");
        var offer = reopened.selectFirst(".notice--warn");
        assertNotNull(offer, "an unsaved autosave is offered");
        assertTrue(offer.text().contains("changes that were never saved"));
        String restore = offer.selectFirst("a:contains(Restore it)").attr("href");
        Document restored = ann.page(restore);
        assertEquals("one\ntwo\nthree\nfour", restored.selectFirst("#body").wholeText());
        assertEquals("Revision restored. Review it and save.", restored.selectFirst(".notice").text());
        assertEquals("one\ntwo\nthree", blog.app.posts().get(post.id()).bodyMd(), "restoring changes nothing until saved");
        assertEquals(303, ann.submit(restored, "#editor", "action=save").status());
        assertEquals("one\ntwo\nthree\nfour", blog.app.posts().get(post.id()).bodyMd());
        assertNull(ann.page("/admin/posts/" + post.id() + "/").selectFirst(".notice--warn"), "nothing left unsaved");
    }

    @Test
    void an_autosave_keeps_the_writing_even_when_other_fields_would_not_pass_a_save() {
        Document editor = ann.page("/admin/posts/" + post.id() + "/");

        TestBlog.Response r = autosave(editor, "title", "", "body", "half-typed", "reviewYear", "nineteen", "reviewTitle", "",
                "featuredMediaId", "not a number", "slug", "!!!");

        assertEquals(200, r.status(), r.text());
        Revision kept = blog.app.posts().latestRevision(post.id()).orElseThrow();
        assertEquals("half-typed", kept.bodyMd());
        assertEquals("notes", kept.slug(), "an unusable slug keeps the post's own");
    }

    @Test
    void only_the_newest_twenty_autosaves_are_kept_and_saves_are_all_kept() {
        Document editor = ann.page("/admin/posts/" + post.id() + "/");
        for (int i = 1; i <= 25; i++) autosave(editor, "body", "draft " + i);

        List<Revision> all = blog.app.posts().revisions(post.id(), 100);
        assertEquals(21, all.size());
        assertEquals("draft 25", all.get(0).bodyMd());
        assertEquals(20, all.stream().filter(r -> r.reason() == Revision.Reason.AUTOSAVE).count());
        assertEquals(Revision.Reason.SAVE, all.get(20).reason());
    }

    @Test
    void the_first_autosave_of_a_new_post_makes_it_a_draft_that_the_save_then_updates() {
        Document blank = ann.page("/admin/posts/new/");
        assertEquals(204, autosave(blank).status(), "an untouched form is not saved");

        TestBlog.Response first = autosave(blank, "title", "Fresh", "body", "Typed before any save.");

        assertEquals(200, first.status());
        Post draft = blog.app.posts().adminList(Kind.POST, null, "fresh", null, 0, 5).posts().get(0);
        assertEquals("Typed before any save.", draft.bodyMd());
        assertEquals("/admin/posts/" + draft.id() + "/", first.header("HX-Replace-Url"));
        Document swapped = Jsoup.parseBodyFragment(first.text());
        assertEquals(Long.toString(draft.id()), swapped.selectFirst("input#post-id[hx-swap-oob]").val());
        assertEquals("1", swapped.selectFirst("input#post-version[hx-swap-oob]").val());

        blank.selectFirst("#post-id").val(Long.toString(draft.id()));
        blank.selectFirst("#post-version").val("1");
        TestBlog.Response saved = ann.submit(blank, "#editor", "action=save", "title", "Fresh", "body", "Saved at last.");
        assertEquals("/admin/posts/" + draft.id() + "/?notice=saved", saved.header("Location"));
        assertEquals(2, blog.app.posts().adminList(Kind.POST, null, null, null, 0, 5).total(), "no second post");
        assertEquals("Saved at last.", blog.app.posts().get(draft.id()).bodyMd());
    }

    @Test
    void an_autosave_after_the_session_ended_answers_401_with_a_message_and_stores_nothing() {
        Document editor = ann.page("/admin/posts/" + post.id() + "/");
        int before = blog.app.posts().revisionCount(post.id());
        ann.dropSession();

        var fields = AdminClient.fields(editor.selectFirst("#editor"));
        fields.put("body", List.of("typed while signed out"));
        TestBlog.Response r = ann.post("/admin/posts/" + post.id() + "/autosave", fields);

        assertEquals(401, r.status());
        assertTrue(r.text().startsWith("Your session has ended. Sign in again in another tab, then save"), r.text());
        assertEquals(before, blog.app.posts().revisionCount(post.id()));
        TestBlog.Response token = ann.get("/admin/csrf-token/", "HX-Request", "true");
        assertEquals(401, token.status(), "no fresh token without a session");
    }

    @Test
    void a_fresh_csrf_token_is_handed_to_a_signed_in_editor_page() {
        TestBlog.Response token = ann.get("/admin/csrf-token/", "HX-Request", "true");
        assertEquals(200, token.status());
        assertEquals(ann.csrf(), token.text());
        assertEquals("no-store", token.header("Cache-Control"));
    }

    @Test
    void an_autosave_on_an_older_version_warns_that_someone_else_saved() {
        Document editor = ann.page("/admin/posts/" + post.id() + "/");
        blog.app.posts().update(post.id(), PostDraft.post("Notes", "changed elsewhere", annId, List.of()));

        TestBlog.Response r = autosave(editor, "body", "mine");

        assertEquals(409, r.status());
        assertTrue(r.text().contains("someone else saved this post since you opened it"), r.text());
        assertEquals("mine", blog.app.posts().latestRevision(post.id()).orElseThrow().bodyMd(), "the text is kept anyway");
    }

    @Test
    void revisions_are_listed_compared_line_by_line_with_everything_escaped_and_restored_into_the_editor() {
        blog.clock.advance(Duration.ofMinutes(5));
        Document editor = ann.page("/admin/posts/" + post.id() + "/");
        ann.submit(editor, "#editor", "action=save", "title", "Notes <i>2</i>", "body", "one\n<b>2</b>\nthree\nfour", "tags", "tea, milk");

        Document list = ann.page("/admin/posts/" + post.id() + "/revisions/");
        assertEquals(2, list.select("tbody tr").size());
        assertEquals("Current", list.select("tbody tr").get(0).selectFirst(".actions").text());
        assertEquals("+1 −2 lines", list.select("tbody tr").get(1).select("td").get(4).text());
        String compare = list.select("tbody tr").get(1).selectFirst("a:contains(Compare)").attr("href");
        assertEquals("Revisions (2)", ann.page("/admin/posts/" + post.id() + "/").selectFirst("a[href$=revisions/]").text());

        Document diff = ann.page(compare);
        assertEquals(List.of("<b>2</b>", "four"), diff.select(".diff__line--removed .diff__text").eachText());
        assertEquals(List.of("two"), diff.select(".diff__line--added .diff__text").eachText());
        assertEquals(List.of("one", "three"), diff.select(".diff__line--same .diff__text").eachText());
        assertTrue(diff.select(".diff b, .field-changes i").isEmpty(), "markup in the text is shown, not interpreted");
        assertEquals(List.of("Title", "Tags"), diff.select(".field-changes tbody th").eachText());
        assertEquals("Notes <i>2</i>", diff.selectFirst(".field-changes del").text());

        Document restored = ann.page(diff.selectFirst("a.button:contains(Load this revision)").attr("href"));
        assertEquals("one\ntwo\nthree", restored.selectFirst("#body").wholeText());
        assertEquals("Notes", restored.selectFirst("#title").val());
        assertEquals("tea", restored.selectFirst("#tags").val());
        assertTrue(restored.selectFirst(".notice--info").text().contains("replaces the current text only when you save"));
        assertEquals("Notes <i>2</i>", blog.app.posts().get(post.id()).title());
    }

    @Test
    void revisions_of_someone_elses_post_are_as_private_as_the_post() {
        AdminClient bo = blog.signIn("Bo Author", Role.AUTHOR);
        long rev = blog.app.posts().latestRevision(post.id()).orElseThrow().id();

        assertEquals(403, bo.get("/admin/posts/" + post.id() + "/revisions/").status());
        assertEquals(403, bo.get("/admin/posts/" + post.id() + "/revisions/" + rev + "/").status());
        assertEquals(404, ann.get("/admin/posts/" + post.id() + "/revisions/999999/").status());
    }
}
