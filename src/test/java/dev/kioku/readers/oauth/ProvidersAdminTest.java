package dev.kioku.readers.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Settings → Sign-in for readers over HTTP, on SQLite and PostgreSQL: the owner enables providers with a client
 * id and a secret that is never shown back, sees the callback URL to register, and adds an OpenID Connect
 * provider by issuer, through which a reader then signs in.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ProvidersAdminTest {
    private static final String PAGE = "/admin/readers/providers/";
    @Parameter
    Engine engine;
    @TempDir
    Path dir;
    TestBlog blog;
    AdminSession owner;

    @BeforeEach
    void start() {
        blog = TestBlog.startWithLocalFetches(engine, dir);
        owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void every_preset_shows_the_callback_url_to_register_and_the_page_is_linked_from_the_settings() {
        Document page = owner.page(PAGE);
        for (String id : new String[] {"google", "facebook", "x", "github", "wordpress"}) {
            assertEquals(blog.url("/readers/callback/" + id + "/"), page.getElementById(id + ".callback").val(), id);
        }
        assertNotNull(owner.page("/admin/settings/").selectFirst("a[href=" + PAGE + "]"));
        assertNotNull(owner.page("/admin/comments/settings/").selectFirst("a[href=" + PAGE + "]"));
    }

    @Test
    void a_provider_is_enabled_with_its_secret_which_is_never_shown_back() {
        TestBlog.Response refused = owner.post(PAGE, "provider", "github", "enabled", "on", "clientId", "Iv1.abc", "clientSecret", "");
        assertEquals(422, refused.status());
        Document again = owner.parse(refused);
        assertEquals("Iv1.abc", again.getElementById("github.clientId").val(), "what was typed is kept");
        assertTrue(again.getElementById("github.clientSecret-error").text().contains("client secret"));

        assertEquals(303, owner.post(PAGE, "provider", "github", "enabled", "on", "clientId", "Iv1.abc", "clientSecret", "gh-secret-42").status());
        TestBlog.Response shown = owner.get(PAGE);
        assertFalse(shown.text().contains("gh-secret-42"), "the secret never comes back");
        Document page = owner.parse(shown);
        assertNotNull(page.selectFirst("#github\\.enabled[checked]"));
        assertTrue(page.selectFirst("label[for=github.clientSecret]").text().contains("set — type a new one to replace it"));
        assertEquals(List.of("email", "github"), blog.app.readers().choices("/").stream().map(dev.kioku.readers.SignInChoice::id).toList());
        assertEquals("/readers/sign-in/github/?return=%2F", blog.app.readers().choices("/").get(1).startUrl());

        // saving without typing a secret keeps the one saved
        assertEquals(303, owner.post(PAGE, "provider", "github", "enabled", "on", "clientId", "Iv1.def", "clientSecret", "").status());
        assertEquals(302, blog.get("/readers/sign-in/github/?return=/").status(), "still usable, so a sign-in starts");

        // disabled: no longer offered under the comment form, the cached post page included
        var aiko = blog.author("Aiko Mori");
        blog.app.posts().publish(blog.app.posts().create(dev.kioku.content.PostDraft.post("On rain", "Rain.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(java.time.Duration.ofHours(1)));
        assertNotNull(blog.page("/2026/11/20/on-rain/").selectFirst("[data-provider=github]"));
        assertEquals(303, owner.post(PAGE, "provider", "github", "clientId", "Iv1.def", "clientSecret", "").status());
        assertEquals(List.of("email"), blog.app.readers().choices("/").stream().map(dev.kioku.readers.SignInChoice::id).toList());
        assertEquals(null, blog.page("/2026/11/20/on-rain/").selectFirst("[data-provider=github]"));
    }

    @Test
    void an_issuer_that_publishes_no_discovery_document_is_refused_with_what_was_typed() {
        TestBlog.Response r = owner.post(PAGE + "add/", "issuer", "http://127.0.0.1:9/realms/blog", "label", "Our Keycloak",
                "id", "keycloak", "clientId", "blog", "clientSecret", "x");
        assertEquals(422, r.status());
        Document page = owner.parse(r);
        assertTrue(page.getElementById("new.issuer-error").text().startsWith("Kioku could not use this issuer"), page.text());
        assertEquals("http://127.0.0.1:9/realms/blog", page.getElementById("new-issuer").val());
        assertEquals("Our Keycloak", page.getElementById("new-label").val());
        assertEquals("keycloak", page.getElementById("new-id").val());
    }

    @Test
    void a_reader_signs_in_through_an_openid_connect_provider_the_owner_added_by_issuer() {
        try (MockProvider provider = new MockProvider()) {
            TestBlog.Response added = owner.post(PAGE + "add/", "issuer", provider.issuer(), "label", "Mock ID", "id", "mock",
                    "clientId", MockProvider.CLIENT_ID, "clientSecret", MockProvider.CLIENT_SECRET);
            assertEquals(303, added.status(), added.text());
            assertEquals(blog.url("/readers/callback/mock/"), owner.page(PAGE).getElementById("mock.callback").val());

            HttpClient reader = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
            provider.nextToken("sakura", Map.of("name", "Sakura Matou"), 3600);
            String authorization = TestBlog.send(reader, HttpRequest.newBuilder(URI.create(blog.url("/readers/sign-in/mock/?return=/about/")))).header("Location");
            String callback = TestBlog.send(reader, HttpRequest.newBuilder(URI.create(authorization))).header("Location");
            TestBlog.Response back = TestBlog.send(reader, HttpRequest.newBuilder(URI.create(callback)));
            assertEquals(303, back.status(), back.text());
            assertEquals("/about/#respond", back.header("Location"));

            assertEquals(303, owner.post(PAGE + "remove/", "provider", "mock").status());
            assertEquals(404, blog.get("/readers/sign-in/mock/?return=/").status());
        }
    }
}
