package dev.kioku.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.authors.Role;
import dev.kioku.config.Smtp;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Admin → Subscribers: the list, search and pages, the CSV export, removing an address, and who may see any of it. */
@ParameterizedClass
@EnumSource(Engine.class)
class SubscriberAdminTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Inbox inbox;
    Series kyoto;

    @BeforeEach
    void start() throws Exception {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        inbox = new Inbox(blog, smtp);
        kyoto = blog.app.series().create("Kyoto, \"slowly\"", "");
        inbox.subscribeAndConfirm("ann@example.org", null);
        inbox.subscribeAndConfirm("=1+2@example.org", kyoto.id());
        inbox.subscribe("pending@example.org", null);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static Element row(Document page, String email) {
        for (Element tr : page.select("table tbody tr")) if (tr.child(0).text().equals(email)) return tr;
        return null;
    }

    @Test
    void the_owner_sees_each_address_with_its_status_what_it_follows_and_since_when() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Document page = owner.page("/admin/subscribers/");

        Element ann = row(page, "ann@example.org");
        assertEquals("Confirmed", ann.child(1).text());
        assertEquals("Every post", ann.child(2).text());
        assertEquals("Subscribe box", ann.child(4).text());
        assertEquals("Kyoto, \"slowly\"", row(page, "=1+2@example.org").child(2).text());
        assertEquals("Pending", row(page, "pending@example.org").child(1).text());
        assertTrue(page.text().contains("2 confirmed addresses get new posts"), page.text());
        assertTrue(page.text().contains("more than 24 hours before they go public"), "the help says back-dated posts are not mailed");

        Document found = owner.page("/admin/subscribers/?q=ANN");
        assertEquals(1, found.select("table tbody tr").size());
        assertNotNull(row(found, "ann@example.org"));
        assertTrue(owner.page("/admin/subscribers/?q=nobody").text().contains("No address contains “nobody”"));

        Document dashboard = owner.page("/admin/");
        assertEquals("2", dashboard.selectFirst("a[href=/admin/subscribers/] .stat").text());
        assertNotNull(dashboard.selectFirst("nav a[href=/admin/subscribers/]"));
    }

    @Test
    void the_list_comes_in_pages_of_fifty() {
        for (int i = 0; i < 50; i++) blog.app.subscriptions().request("bulk" + i + "@example.org", null, "10.0.0." + i);
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");

        Document first = owner.page("/admin/subscribers/");
        assertEquals(50, first.select("table tbody tr").size());
        assertTrue(first.text().contains("1–50 of 53"), first.text());
        String older = first.selectFirst("a[rel=next]").attr("href");
        Document second = owner.page(older);
        assertEquals(3, second.select("table tbody tr").size());
        assertNotNull(row(second, "ann@example.org"), "oldest last");
        assertNull(second.selectFirst("a[rel=next]"));
    }

    @Test
    void the_export_is_csv_that_a_spreadsheet_cannot_run() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Eddie Editor");
        TestBlog.Response csv = editor.get("/admin/subscribers/export.csv");

        assertEquals(200, csv.status());
        assertEquals("text/csv; charset=utf-8", csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").startsWith("attachment"));
        List<String> lines = csv.text().lines().toList();
        assertEquals("email,status,all_posts,series,subscribed_at", lines.getFirst());
        assertEquals(4, lines.size());
        assertTrue(lines.contains("\"ann@example.org\",\"Confirmed\",\"yes\",\"\",\"" + TestBlog.START + "\""), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"'=1+2@example.org\",\"Confirmed\",\"no\",\"Kyoto, \"\"slowly\"\"\",")),
                "a cell that would be a formula starts with ': " + lines);
    }

    @Test
    void removing_an_address_asks_first_needs_the_csrf_token_and_stops_its_mail() throws Exception {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        String remove = row(owner.page("/admin/subscribers/"), "ann@example.org").selectFirst("a").attr("href");
        Document ask = owner.page(remove);
        assertEquals("Remove ann@example.org?", ask.selectFirst("h1").text());

        assertEquals(403, owner.postRaw(remove).status());
        assertNotNull(row(owner.page("/admin/subscribers/"), "ann@example.org"));

        TestBlog.Response removed = owner.post(remove);
        assertEquals(303, removed.status());
        assertEquals("/admin/subscribers/?notice=subscriber-removed", removed.header("Location"));
        Document after = owner.page("/admin/subscribers/?notice=subscriber-removed");
        assertNull(row(after, "ann@example.org"));
        assertTrue(after.text().contains("Address removed."));

        var aiko = blog.author("Aiko Mori");
        blog.clock.advance(Duration.ofMinutes(5));
        blog.app.posts().publish(blog.app.posts().create(dev.kioku.content.PostDraft.post("After", "x", aiko.id(), List.of())).id(), null);
        inbox.publishMail();
        assertEquals(1, inbox.to("ann@example.org").size(), "only the old confirmation");
    }

    @Test
    void authors_and_contributors_are_turned_away_and_see_no_link() {
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminSession s = AdminSession.as(blog, role, "Someone " + role.label());
            assertEquals(403, s.get("/admin/subscribers/").status(), role.label());
            assertEquals(403, s.get("/admin/subscribers/export.csv").status(), role.label());
            assertEquals(403, s.get("/admin/subscribers/1/remove/").status(), role.label());
            assertEquals(403, s.post("/admin/subscribers/1/remove/").status(), role.label());
            Document dashboard = s.page("/admin/");
            assertNull(dashboard.selectFirst("a[href=/admin/subscribers/]"), role.label());
        }
        assertEquals(3, blog.app.subscriptions().list("", 0, 10).total(), "nothing was removed");
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Eddie Editor");
        assertEquals(200, editor.get("/admin/subscribers/").status());
    }
}
