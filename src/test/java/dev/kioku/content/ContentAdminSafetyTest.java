package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route of the writing admin, walked signed out, without a CSRF token, and as each role, against a
 * draft post and a page that belong to the owner.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ContentAdminSafetyTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Map<Role, AdminClient> as = new EnumMap<>(Role.class);
    long post;
    long page;
    long revision;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        for (Role role : Role.values()) as.put(role, blog.signIn(role.label() + " Person", role));
        long owner = blog.app.authors().allStaff().stream().filter(s -> s.role() == Role.OWNER).findFirst().orElseThrow().id();
        post = blog.app.posts().create(PostDraft.post("Owner's draft", "x", owner, List.of())).id();
        page = blog.app.posts().create(PostDraft.page("Owner's page", "x", owner)).id();
        revision = blog.app.posts().latestRevision(post).orElseThrow().id();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private List<String> gets() {
        return List.of("/admin/posts/", "/admin/posts/new/", "/admin/posts/" + post + "/", "/admin/posts/" + post + "/revisions/",
                "/admin/posts/" + post + "/revisions/" + revision + "/", "/admin/pages/", "/admin/pages/new/",
                "/admin/pages/" + page + "/", "/admin/pages/" + page + "/revisions/", "/admin/tags/?q=a", "/admin/csrf-token/");
    }

    private List<String> posts() {
        return List.of("/admin/posts/new/", "/admin/posts/new/autosave", "/admin/posts/" + post + "/", "/admin/posts/" + post + "/autosave",
                "/admin/pages/new/", "/admin/pages/new/autosave", "/admin/pages/" + page + "/", "/admin/pages/" + page + "/autosave",
                "/admin/preview/");
    }

    @Test
    void signed_out_every_page_sends_to_sign_in_and_every_post_is_refused() {
        AdminClient anonymous = as.get(Role.OWNER);
        anonymous.dropSession();
        List<String> wrong = new ArrayList<>();
        for (String path : gets()) {
            TestBlog.Response r = anonymous.get(path);
            if (r.status() != 302 || !r.header("Location").startsWith("/admin/sign-in/?next=")) wrong.add("GET " + path + " " + r.status());
        }
        for (String path : posts()) {
            int status = anonymous.post(path, "title", "x", "body", "x", "version", "1").status();
            if (status != 401) wrong.add("POST " + path + " " + status);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void every_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        AdminClient owner = as.get(Role.OWNER);
        List<String> wrong = new ArrayList<>();
        for (String path : posts()) {
            for (String token : new String[] {"", "forged-token-forged-token-forged"}) {
                int status = owner.post(path, "title", "Forged", "body", "x", "version", "1", "action", "publish", "_csrf", token).status();
                if (status != 403) wrong.add("POST " + path + " token '" + token + "' " + status);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("Owner's draft", blog.app.posts().get(post).title());
        assertEquals(Status.DRAFT, blog.app.posts().get(post).status());
        assertEquals(2, blog.app.posts().adminList(Kind.POST, null, null, null, 0, 10).total()
                + blog.app.posts().adminList(Kind.PAGE, null, null, null, 0, 10).total());
    }

    @Test
    void each_role_reaches_what_it_may_and_is_refused_the_rest() {
        Map<String, int[]> expected = new java.util.LinkedHashMap<>();
        //                                                         owner editor author contributor
        expected.put("/admin/posts/", new int[] {200, 200, 200, 200});
        expected.put("/admin/posts/new/", new int[] {200, 200, 200, 200});
        expected.put("/admin/posts/" + post + "/", new int[] {200, 200, 403, 403});
        expected.put("/admin/posts/" + post + "/revisions/", new int[] {200, 200, 403, 403});
        expected.put("/admin/posts/" + post + "/revisions/" + revision + "/", new int[] {200, 200, 403, 403});
        expected.put("/admin/pages/", new int[] {200, 200, 403, 403});
        expected.put("/admin/pages/new/", new int[] {200, 200, 403, 403});
        expected.put("/admin/pages/" + page + "/", new int[] {200, 200, 403, 403});
        expected.put("/admin/pages/" + page + "/revisions/", new int[] {200, 200, 403, 403});
        expected.put("/admin/tags/?q=a", new int[] {200, 200, 200, 200});
        expected.put("/admin/csrf-token/", new int[] {200, 200, 200, 200});
        List<String> wrong = new ArrayList<>();
        Role[] roles = {Role.OWNER, Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR};
        expected.forEach((path, statuses) -> {
            for (int i = 0; i < roles.length; i++) {
                int status = as.get(roles[i]).get(path).status();
                if (status != statuses[i]) wrong.add(roles[i] + " GET " + path + " " + status + " (expected " + statuses[i] + ")");
            }
        });
        for (Role role : new Role[] {Role.AUTHOR, Role.CONTRIBUTOR}) {
            for (String path : List.of("/admin/posts/" + post + "/", "/admin/posts/" + post + "/autosave", "/admin/pages/new/",
                    "/admin/pages/new/autosave", "/admin/pages/" + page + "/", "/admin/pages/" + page + "/autosave")) {
                int status = as.get(role).post(path, "title", "Taken over", "body", "x", "version", "1").status();
                if (status != 403) wrong.add(role + " POST " + path + " " + status + " (expected 403)");
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("Owner's draft", blog.app.posts().get(post).title());
        assertEquals("Owner's page", blog.app.posts().get(page).title());
    }
}
