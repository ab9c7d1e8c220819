package dev.kioku.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.comments.Submission;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.StaffClient;
import dev.kioku.testing.TestBlog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every admin endpoint the server has registered (so a new route cannot be forgotten): signed out,
 * signed in without a CSRF token, and as each role, checking that only the roles that may use a section
 * get past the door and that nothing answers with a server error.
 */
class AdminRouteWalkTest {
    @TempDir
    Path dir;

    TestBlog blog;
    Post ownersPost;
    Post page;
    long seriesId;
    long mediaId;
    long commentId;

    @BeforeEach
    void start() throws Exception {
        blog = TestBlog.start(Engine.SQLITE, dir);
        Author owner = null;
        for (Role role : Role.values()) {
            Author a = blog.app.authors().create(new NewAuthor(role.name().toLowerCase() + "@example.org", role.label(), role,
                    "correct horse".toCharArray(), "", null, null, List.of()));
            if (role == Role.OWNER) owner = a;
        }
        ownersPost = blog.app.posts().create(PostDraft.post("Owner's post", "Text.", owner.id(), List.of("tea")));
        page = blog.app.posts().create(PostDraft.page("About", "Text.", owner.id()));
        seriesId = blog.app.series().create("A series", "").id();
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        mediaId = blog.app.media().add("walk", "image.png", png.toByteArray(), "", "").id();
        Post commented = blog.app.posts().create(PostDraft.post("Owner's commented post", "Text.", owner.id(), List.of()));
        blog.app.posts().publish(commented.id(), null);
        commentId = blog.app.comments().submit(new Submission(commented.id(), null, "A comment.", "Reader", "reader@example.org",
                null, false, false, null, null, "192.0.2.1", "test", null, null)).comment().id();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    /** Admin endpoints with their parameters filled with things that exist (and belong to the owner). */
    private List<String[]> adminEndpoints() {
        List<String[]> out = new ArrayList<>();
        for (String endpoint : blog.app.endpoints()) {
            String[] parts = endpoint.split(" ", 2);
            String path = parts[1];
            if (!path.startsWith("/admin") || path.startsWith("/admin/sign-in")) continue;
            if (!(parts[0].equals("GET") || parts[0].equals("POST"))) continue;
            String id = path.startsWith("/admin/pages") ? Long.toString(page.id())
                    : path.startsWith("/admin/series") ? Long.toString(seriesId)
                    : path.startsWith("/admin/media") ? Long.toString(mediaId)
                    : path.startsWith("/admin/comments") ? Long.toString(commentId)
                    : Long.toString(ownersPost.id());
            out.add(new String[] {parts[0], path.replaceAll("\\{[^}]+}", id).replaceAll("<[^>]+>", id)});
        }
        assertTrue(out.size() >= 4, "found the admin endpoints: " + out.size());
        return out;
    }

    /** What WordPress users expect: who may open which part of the admin. */
    private boolean forbidden(Role role, String path) {
        if (role == Role.OWNER) return false;
        if (path.startsWith("/admin/settings") || path.startsWith("/admin/users") || path.startsWith("/admin/comments/settings")
                || path.startsWith("/admin/readers")) return true;
        if (role == Role.EDITOR) return false;
        if (path.startsWith("/admin/series") || path.startsWith("/admin/pages") || path.startsWith("/admin/subscribers")) return true;
        if (path.startsWith("/admin/posts/" + ownersPost.id())) return true;
        return role == Role.CONTRIBUTOR && (path.startsWith("/admin/media") || path.startsWith("/admin/comments")
                || path.startsWith("/admin/webmentions"));
    }

    @Test
    void signed_out_every_admin_page_sends_to_sign_in_and_every_form_is_refused() {
        for (String[] e : adminEndpoints()) {
            StaffClient stranger = new StaffClient(blog.base());
            TestBlog.Response r = e[0].equals("GET") ? stranger.get(e[1]) : stranger.post(e[1], Map.of());
            if (e[0].equals("GET")) {
                assertEquals(302, r.status(), e[0] + " " + e[1]);
                assertTrue(r.header("Location").startsWith("/admin/sign-in/"), e[1]);
            } else {
                assertEquals(401, r.status(), e[0] + " " + e[1]);
            }
        }
    }

    @Test
    void signed_in_every_form_without_the_csrf_token_gets_403() {
        StaffClient owner = StaffClient.signedIn(blog, "owner@example.org", "correct horse");
        for (String[] e : adminEndpoints()) {
            if (!e[0].equals("POST")) continue;
            assertEquals(403, owner.postRaw(e[1], Map.of("title", "x"), Map.of()).status(), e[1]);
        }
        assertEquals("Owner's post", blog.app.posts().get(ownersPost.id()).title(), "nothing was changed");
    }

    @Test
    void each_role_reaches_exactly_the_sections_it_may_use_and_nothing_fails() {
        for (Role role : Role.values()) {
            StaffClient client = StaffClient.signedIn(blog, role.name().toLowerCase() + "@example.org", "correct horse");
            for (String[] e : adminEndpoints()) {
                if (e[1].endsWith("/sign-out/") || e[1].endsWith("/sign-out")) continue;
                TestBlog.Response r = e[0].equals("GET") ? client.get(e[1]) : client.post(e[1], Map.of());
                String what = role + " " + e[0] + " " + e[1] + " -> " + r.status();
                assertTrue(r.status() < 500, what + "\n" + r.text());
                assertEquals(forbidden(role, e[1]), r.status() == 403, what);
            }
        }
    }
}
