package dev.kioku.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts and public author profiles, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class AuthorsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Authors authors;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        authors = blog.app.authors();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void an_owner_gets_an_argon2id_hash_that_checks_only_the_right_password() {
        authors.create(new NewAuthor("Owner@Example.org", "Owner", Role.OWNER, "correct horse".toCharArray(), "", null, null, List.of()));

        String hash = blog.app.database().jdbi().withHandle(h -> h.createQuery("select password_hash from users")
                .mapTo(String.class).one());
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(authors.signIn("owner@example.org", "correct horse".toCharArray()).isPresent());
        assertFalse(authors.signIn("owner@example.org", "wrong horse".toCharArray()).isPresent());
        assertFalse(authors.signIn("nobody@example.org", "correct horse".toCharArray()).isPresent());
        assertEquals("owner@example.org", authors.ownerEmail().orElseThrow());
    }

    @Test
    void there_is_one_owner_and_one_account_per_email() {
        authors.create(new NewAuthor("a@example.org", "A", Role.OWNER, null, "", null, null, List.of()));

        assertThrows(IllegalArgumentException.class,
                () -> authors.create(new NewAuthor("b@example.org", "B", Role.OWNER, null, "", null, null, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> authors.create(new NewAuthor("A@example.org", "A again", Role.EDITOR, null, "", null, null, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> new NewAuthor("not-an-email", "C", Role.EDITOR, null, "", null, null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new NewAuthor("c@example.org", "C", Role.EDITOR, "short".toCharArray(), "", null, null, List.of()));
    }

    @Test
    void links_and_avatars_can_only_point_at_web_pages() {
        var bad = List.of(new Author.Link("Site", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class,
                () -> new NewAuthor("a@example.org", "A", Role.AUTHOR, null, "", null, null, bad));
        assertThrows(IllegalArgumentException.class,
                () -> new NewAuthor("a@example.org", "A", Role.AUTHOR, null, "", "data:image/svg+xml,x", null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new NewAuthor("a@example.org", "A", Role.AUTHOR, null, "", "//evil.example/a.png", null, List.of()));
        new NewAuthor("a@example.org", "A", Role.AUTHOR, null, "", "/media/a.png", null,
                List.of(new Author.Link("Mail", "mailto:a@example.org"), new Author.Link("Web", "https://example.org")));
    }

    @Test
    void a_profile_has_a_unique_slug_bio_avatar_public_email_and_ordered_links() {
        var links = List.of(new Author.Link("Website", "https://example.org"), new Author.Link("Mastodon", "https://m.example/@a"));
        Author a = authors.create(new NewAuthor("a@example.org", "Aiko Mori", Role.AUTHOR, null, "Writes.", "/media/a.png", "hi@example.org", links));
        Author b = authors.create(new NewAuthor("b@example.org", "Aiko Mori", Role.AUTHOR, null, "", null, null, List.of()));

        assertEquals("aiko-mori", a.slug());
        assertEquals("aiko-mori-2", b.slug());
        Author back = authors.bySlug("aiko-mori").orElseThrow();
        assertEquals(links, back.links());
        assertEquals("hi@example.org", back.publicEmail());
        assertEquals("/media/a.png", back.avatarUrl());
        assertEquals("AM", back.initials());
        assertFalse(back.toString().contains("a@example.org"), "the account email is not part of the public profile");
    }
}
