package dev.kioku.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.authors.Role;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Series admin over HTTP as an editor uses it, on SQLite and PostgreSQL. After every change the public
 * series page and the part pages, already cached, show it on the very next request.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SeriesAdminTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post post(String title, boolean publish) {
        Post p = blog.app.posts().create(PostDraft.post(title, title + ".", aiko.id(), List.of()));
        return publish ? blog.app.posts().publish(p.id(), blog.clock.instant().minus(Duration.ofHours(1))) : p;
    }

    private static String url(Post p) {
        return p.permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC);
    }

    private static String seeOther(TestBlog.Response r) {
        assertEquals(303, r.status(), r.text());
        return r.header("Location");
    }

    private long partId(long seriesId, int number) {
        return blog.app.series().parts(seriesId).get(number - 1).id();
    }

    private List<String> publicTitles(String seriesUrl) {
        return blog.page(seriesUrl).select(".series-part__title").eachText();
    }

    @Test
    void an_editor_builds_a_series_and_its_public_pages_follow_every_step() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Post house = post("The house", true);
        Post garden = post("The garden", true);
        Post rooms = post("The rooms", false);

        String edit = seeOther(editor.post("/admin/series/", "title", "The Memory Palace", "description", "A *walk* through memory."));
        long id = Long.parseLong(edit.replaceAll("^/admin/series/(\\d+)/\\?notice=series-created$", "$1"));
        Document admin = editor.page(edit);
        assertEquals("Series created. Add its parts below.", admin.selectFirst(".notice").text());
        assertEquals(List.of("Choose a post…", "The rooms (draft)", "The garden", "The house"),
                admin.select("#add-post option").eachText());
        String seriesUrl = "/series/the-memory-palace/";
        assertEquals("walk", blog.page(seriesUrl).selectFirst(".list-head .prose em").text());
        blog.page(url(house));

        assertEquals(edit.replace("series-created", "part-added") + "#parts",
                seeOther(editor.post("/admin/series/" + id + "/parts/", "postId", Long.toString(house.id()))));
        assertEquals("Part 1 of 1", blog.page(url(house)).selectFirst(".series-box__count").text());
        assertEquals(List.of("Part 1: The house"), publicTitles(seriesUrl));

        seeOther(editor.post("/admin/series/" + id + "/planned/", "plannedTitle", "The rooms", "plannedNote", "Next week."));
        seeOther(editor.post("/admin/series/" + id + "/parts/", "postId", Long.toString(garden.id())));
        assertEquals(List.of("Part 1: The house", "Part 2: The rooms coming soon", "Part 3: The garden"), publicTitles(seriesUrl));
        assertEquals("Part 3 of 3", blog.page(url(garden)).selectFirst(".series-box__count").text());

        seeOther(editor.post("/admin/series/" + id + "/parts/" + partId(id, 3) + "/move/", "direction", "up"));
        assertEquals(List.of("Part 1: The house", "Part 2: The garden", "Part 3: The rooms coming soon"), publicTitles(seriesUrl));
        assertEquals("Part 2 of 3", blog.page(url(garden)).selectFirst(".series-box__count").text());
        assertEquals("Part 2: The garden →", blog.page(url(house)).selectFirst(".series-next__title").text());
        Document reordered = editor.page(edit);
        assertEquals(List.of("Part 1: The house Published", "Part 2: The garden Published", "Part 3: The rooms Planned"),
                reordered.select(".part__title").eachText());
        assertTrue(reordered.selectFirst("#up-" + partId(id, 1)).hasAttr("disabled"));
        assertTrue(reordered.selectFirst("#down-" + partId(id, 3)).hasAttr("disabled"));

        seeOther(editor.post("/admin/series/" + id + "/parts/" + partId(id, 3) + "/attach/", "postId", Long.toString(rooms.id())));
        assertTrue(blog.page(url(garden)).selectFirst(".series-box .is-soon").text().contains("The rooms"), "a draft stays coming soon");
        blog.app.posts().publish(rooms.id(), null);
        assertEquals(url(rooms), blog.page(url(garden)).selectFirst(".series-next a").attr("href"));

        seeOther(editor.post("/admin/series/" + id + "/parts/" + partId(id, 1) + "/remove/"));
        assertNull(blog.page(url(house)).selectFirst(".series-box"), "a removed part's post has no series box");
        assertEquals(List.of("Part 1: The garden", "Part 2: The rooms"), publicTitles(seriesUrl));
        assertEquals("Part 1 of 2", blog.page(url(garden)).selectFirst(".series-box__count").text());
        assertTrue(editor.page(edit).select("#add-post option").eachText().contains("The house"), "it can be added again");
    }

    @Test
    void renaming_a_series_moves_it_and_its_old_address_answers_301() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Series s = blog.app.series().create("Tea notes", "Leaves.");
        Post part = post("Sencha", true);
        blog.app.series().addPost(s.id(), part.id());
        assertEquals("Tea notes", blog.page(url(part)).selectFirst(".series-box__head a").text());

        seeOther(editor.post("/admin/series/" + s.id() + "/", "title", "Tea, slowly", "slug", "tea-notes", "description", "Leaves."));
        assertEquals("Tea, slowly", blog.page(url(part)).selectFirst(".series-box__head a").text(), "same address, new title");
        assertEquals("Tea, slowly", blog.page("/series/tea-notes/").selectFirst("h1").text());

        seeOther(editor.post("/admin/series/" + s.id() + "/", "title", "Tea, slowly", "slug", "Tea slowly", "description", "Leaves."));
        TestBlog.Response old = blog.get("/series/tea-notes/");
        assertEquals(301, old.status());
        assertEquals("/series/tea-slowly/", old.header("Location"));
        assertEquals("/series/tea-slowly/", blog.page(url(part)).selectFirst(".series-box__head a").attr("href"));
        assertEquals("Tea, slowly", blog.page("/series/").selectFirst(".series h2 a").text());
    }

    @Test
    void refused_input_comes_back_as_typed_with_a_message_beside_the_field() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        TestBlog.Response blank = editor.post("/admin/series/", "title", "  ", "description", "Kept *words*.");
        assertEquals(422, blank.status());
        Document form = editor.parse(blank);
        assertEquals("A series needs a title.", form.selectFirst("#title-error").text());
        assertEquals("true", form.selectFirst("#new-title").attr("aria-invalid"));
        assertEquals("Kept *words*.", form.selectFirst("#new-description").text());
        assertTrue(blog.app.series().all().isEmpty());

        Series taken = blog.app.series().create("Taken", "");
        Series mine = blog.app.series().create("Mine", "Old text.");
        TestBlog.Response clash = editor.post("/admin/series/" + mine.id() + "/", "title", "Mine, renamed", "slug", "taken", "description", "New text.");
        assertEquals(422, clash.status());
        Document again = editor.parse(clash);
        assertEquals("Another series already lives at /series/taken/.", again.selectFirst("#slug-error").text());
        assertEquals("Mine, renamed", again.selectFirst("#title").val());
        assertEquals("taken", again.selectFirst("#slug").val());
        assertEquals("New text.", again.selectFirst("#description").text());
        assertEquals("Mine", blog.app.series().get(mine.id()).title(), "nothing was saved");
        assertEquals("taken", blog.app.series().get(taken.id()).slug());

        TestBlog.Response planned = editor.post("/admin/series/" + mine.id() + "/planned/", "plannedTitle", "", "plannedNote", "Soon.");
        assertEquals(422, planned.status());
        Document plannedForm = editor.parse(planned);
        assertEquals("A planned part needs a title.", plannedForm.selectFirst("#plannedTitle-error").text());
        assertEquals("Soon.", plannedForm.selectFirst("#planned-note").val());
        assertEquals("Mine", plannedForm.selectFirst("#title").val(), "the details form still shows the saved values");

        TestBlog.Response none = editor.post("/admin/series/" + mine.id() + "/parts/", "postId", "");
        assertEquals(422, none.status());
        assertEquals("Choose a post.", editor.parse(none).selectFirst("#postId-error").text());
        TestBlog.Response gone = editor.post("/admin/series/" + mine.id() + "/parts/", "postId", "987654");
        assertEquals(422, gone.status());
        assertTrue(editor.parse(gone).selectFirst("#postId-error").text().startsWith("That post cannot be added"));
    }

    @Test
    void parts_are_reached_only_through_their_own_series() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Series a = blog.app.series().create("A", "");
        Series b = blog.app.series().create("B", "");
        long partOfB = blog.app.series().addPlanned(b.id(), "Only in B", "");

        assertEquals(404, editor.get("/admin/series/987654/").status());
        assertEquals(404, editor.get("/admin/series/nope/").status());
        assertEquals(404, editor.post("/admin/series/" + a.id() + "/parts/" + partOfB + "/remove/").status());
        assertEquals(1, blog.app.series().parts(b.id()).size());
    }

    @Test
    void authors_and_contributors_are_refused_and_visitors_are_sent_to_sign_in() {
        Series s = blog.app.series().create("Kept", "");
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminSession who = AdminSession.as(blog, role, "Someone " + role.label());
            assertEquals(403, who.get("/admin/series/").status(), role.label());
            assertEquals(403, who.get("/admin/series/" + s.id() + "/").status(), role.label());
            assertEquals(403, who.post("/admin/series/", "title", "Sneaky", "description", "").status(), role.label());
            assertEquals(403, who.post("/admin/series/" + s.id() + "/planned/", "plannedTitle", "Sneaky", "plannedNote", "").status());
        }
        assertEquals(1, blog.app.series().all().size());
        assertTrue(blog.app.series().parts(s.id()).isEmpty());
        TestBlog.Response visitor = blog.get("/admin/series/");
        assertEquals(302, visitor.status());
        assertTrue(visitor.header("Location").startsWith("/admin/sign-in/?next="));
    }

    @Test
    void a_form_sent_without_its_csrf_token_is_refused() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Series s = blog.app.series().create("Kept", "");

        assertEquals(403, owner.postRaw("/admin/series/", "title", "Forged", "description", "").status());
        assertEquals(403, owner.postRaw("/admin/series/" + s.id() + "/planned/", "plannedTitle", "Forged", "_csrf", "wrong").status());
        assertEquals(List.of("Kept"), blog.app.series().all().stream().map(Series::title).toList());
        assertTrue(blog.app.series().parts(s.id()).isEmpty());
    }

    @Test
    void deleting_a_series_asks_first_then_its_posts_stay_and_its_addresses_answer_404() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Series s = blog.app.series().create("Tea notes", "Leaves.");
        Post sencha = post("Sencha", true);
        blog.app.series().addPost(s.id(), sencha.id());
        blog.app.series().addPlanned(s.id(), "Matcha", "Soon.");
        blog.app.series().update(s.id(), "Tea, slowly", "tea-slowly", "Leaves.");
        assertEquals("Tea, slowly", blog.page(url(sencha)).selectFirst(".series-box__head a").text());
        assertEquals(200, blog.get("/series/tea-slowly/").status());
        assertEquals(301, blog.get("/series/tea-notes/").status());
        assertEquals("Tea, slowly", blog.page("/").selectFirst(".card .kicker a").text());

        String edit = "/admin/series/" + s.id() + "/";
        assertEquals(edit + "delete/", editor.page(edit).selectFirst("a:contains(Delete this series)").attr("href"));
        Document confirm = editor.page(edit + "delete/");
        assertEquals("Delete “Tea, slowly”?", confirm.selectFirst("h1").text());
        assertTrue(confirm.selectFirst("main li").text().contains("Its post stays on your site, just no longer parts of a series: Sencha."),
                confirm.selectFirst("main li").text());
        assertEquals("Its planned part disappears.", confirm.select("main li").get(1).text());
        assertEquals(edit + "delete/", seeOther(editor.post(edit + "delete/")), "without the confirm step nothing happens");
        assertEquals(1, blog.app.series().all().size());

        assertEquals("/admin/series/?notice=series-deleted", seeOther(editor.post(edit + "delete/", "confirm", "yes")));

        assertEquals("Series deleted. Its posts are still there, no longer parts of it.",
                editor.page("/admin/series/?notice=series-deleted").selectFirst(".notice").text());
        assertTrue(blog.app.series().all().isEmpty());
        assertEquals(404, blog.get("/series/tea-slowly/").status());
        assertEquals(404, blog.get("/series/tea-notes/").status(), "its old address went with it");
        Document post = blog.page(url(sencha));
        assertEquals("Sencha", post.selectFirst("h1").text());
        assertNull(post.selectFirst(".series-box"));
        assertNull(blog.page("/").selectFirst(".card .kicker"), "no badge on lists");
        assertTrue(blog.page("/series/").select(".series h2").isEmpty());
        assertEquals(404, editor.get(edit).status());
        assertEquals(404, editor.post(edit + "delete/", "confirm", "yes").status());
        assertTrue(blog.app.series().create("Tea notes", "").slug().equals("tea-notes"), "its addresses are free again");
    }

    @Test
    void a_planned_parts_title_and_note_are_edited_and_readers_see_them_at_once() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Series s = blog.app.series().create("The Memory Palace", "");
        long planned = blog.app.series().addPlanned(s.id(), "The rooms", "Next week.");
        String seriesUrl = "/series/the-memory-palace/";
        assertEquals(List.of("Part 1: The rooms coming soon"), publicTitles(seriesUrl));
        String edit = "/admin/series/" + s.id() + "/";
        Document admin = editor.page(edit);
        assertEquals("The rooms", admin.selectFirst("#plannedTitle-" + planned).val());
        assertEquals("Next week.", admin.selectFirst("#plannedNote-" + planned).val());

        assertEquals(edit + "?notice=part-updated#parts", seeOther(editor.post(edit + "parts/" + planned + "/edit/",
                "plannedTitle", " The attic ", "plannedNote", "In December.")));

        assertEquals(List.of("Part 1: The attic coming soon"), publicTitles(seriesUrl));
        assertEquals("In December.", blog.page(seriesUrl).selectFirst(".series-part__note").text());
        TestBlog.Response blank = editor.post(edit + "parts/" + planned + "/edit/", "plannedTitle", "", "plannedNote", "Typed note.");
        assertEquals(422, blank.status());
        Document refused = editor.parse(blank);
        assertEquals("A planned part needs a title.", refused.selectFirst("#plannedTitle-" + planned + "-error").text());
        assertEquals("Typed note.", refused.selectFirst("#plannedNote-" + planned).val());
        assertTrue(refused.selectFirst(".part__edit").hasAttr("open"), "the refused form is shown open");
        assertEquals(List.of("Part 1: The attic coming soon"), publicTitles(seriesUrl), "nothing was saved");

        Series other = blog.app.series().create("Other", "");
        assertEquals(404, editor.post("/admin/series/" + other.id() + "/parts/" + planned + "/edit/", "plannedTitle", "Moved").status());
    }

    @Test
    void deleting_a_series_and_editing_its_parts_need_an_editor_and_the_csrf_token() {
        Series s = blog.app.series().create("Kept", "");
        long planned = blog.app.series().addPlanned(s.id(), "Planned", "");
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        AdminSession author = AdminSession.as(blog, Role.AUTHOR, "Ann Author");
        assertEquals(403, author.get("/admin/series/" + s.id() + "/delete/").status());
        assertEquals(403, author.post("/admin/series/" + s.id() + "/delete/", "confirm", "yes").status());
        assertEquals(403, author.post("/admin/series/" + s.id() + "/parts/" + planned + "/edit/", "plannedTitle", "Taken").status());
        assertEquals(403, owner.postRaw("/admin/series/" + s.id() + "/delete/", "confirm", "yes").status());
        assertEquals(403, owner.postRaw("/admin/series/" + s.id() + "/parts/" + planned + "/edit/", "plannedTitle", "Forged").status());

        assertEquals(List.of("Kept"), blog.app.series().all().stream().map(Series::title).toList());
        assertEquals("Planned", blog.app.series().parts(s.id()).get(0).plannedTitle());
    }
}
