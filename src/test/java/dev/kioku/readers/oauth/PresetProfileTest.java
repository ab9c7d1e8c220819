package dev.kioku.readers.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kioku.readers.Readers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each preset turns its provider's recorded answer into a profile: name, avatar, email when given, profile link. */
class PresetProfileTest {
    @Test
    void google_reads_the_id_token_claims() {
        Readers.Profile p = OidcClaims.profile("google", Map.of("iss", "https://accounts.google.com", "sub", "110169484474386276334",
                "email", "rin@example.org", "email_verified", true, "name", "Rin Tohsaka",
                "picture", "https://lh3.googleusercontent.com/a/ACg8ocK=s96-c", "given_name", "Rin", "locale", "ja"));
        assertEquals(new Readers.Profile("google", "110169484474386276334", "Rin Tohsaka", "rin@example.org",
                "https://lh3.googleusercontent.com/a/ACg8ocK=s96-c", null), p);
        assertEquals("https://accounts.google.com", Google.PRESET.issuer().toString());
    }

    @Test
    void an_openid_connect_provider_without_a_name_or_verified_email_falls_back_to_the_user_name() {
        Readers.Profile p = OidcClaims.profile("keycloak", Map.of("sub", "f1e2", "preferred_username", "sakura",
                "email", "sakura@example.org", "email_verified", false, "profile", "javascript:alert(1)"));
        assertEquals(new Readers.Profile("keycloak", "f1e2", "sakura", null, null, null), p);
    }

    @Test
    void facebook_reads_graph_me() throws Exception {
        Readers.Profile p = Facebook.profile("""
                {"id":"10224455667788","name":"Shirou Emiya","email":"shirou@example.org",
                 "picture":{"data":{"height":50,"is_silhouette":false,
                 "url":"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10224455667788&height=50","width":50}}}""");
        assertEquals(new Readers.Profile("facebook", "10224455667788", "Shirou Emiya", "shirou@example.org",
                "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10224455667788&height=50", null), p);
    }

    @Test
    void x_reads_users_me_and_links_the_handle() throws Exception {
        Readers.Profile p = XPlatform.profile("""
                {"data":{"id":"2244994945","name":"Saber","username":"saber_lily",
                 "profile_image_url":"https://pbs.twimg.com/profile_images/1683325380441128960/yRsRRjGO_normal.jpg"}}""");
        assertEquals(new Readers.Profile("x", "2244994945", "Saber", null,
                "https://pbs.twimg.com/profile_images/1683325380441128960/yRsRRjGO_normal.jpg", "https://x.com/saber_lily"), p);
    }

    @Test
    void github_reads_the_user_and_its_primary_verified_email_when_the_profile_hides_it() throws Exception {
        Readers.Profile p = GitHub.profile("""
                {"login":"octocat","id":583231,"avatar_url":"https://avatars.githubusercontent.com/u/583231?v=4",
                 "html_url":"https://github.com/octocat","name":"The Octocat","email":null,"type":"User"}""", """
                [{"email":"old@example.org","primary":false,"verified":true,"visibility":null},
                 {"email":"octocat@example.org","primary":true,"verified":true,"visibility":"private"}]""");
        assertEquals(new Readers.Profile("github", "583231", "The Octocat", "octocat@example.org",
                "https://avatars.githubusercontent.com/u/583231?v=4", "https://github.com/octocat"), p);
    }

    @Test
    void github_without_a_display_name_uses_the_login() throws Exception {
        Readers.Profile p = GitHub.profile("""
                {"login":"hubot","id":1,"avatar_url":"https://avatars.githubusercontent.com/u/1","html_url":"https://github.com/hubot",
                 "name":null,"email":"hubot@example.org"}""", null);
        assertEquals("hubot", p.displayName());
        assertEquals("hubot@example.org", p.email());
    }

    @Test
    void wordpress_reads_rest_v1_me_and_keeps_only_a_verified_email() throws Exception {
        String me = """
                {"ID":12345678,"display_name":"Illya","username":"illyasviel","email":"illya@example.org",
                 "primary_blog":987654,"language":"en","avatar_URL":"https://0.gravatar.com/avatar/abc123?s=96&d=identicon",
                 "profile_URL":"https://gravatar.com/illyasviel","verified":true,"email_verified":%s}""";
        assertEquals(new Readers.Profile("wordpress", "12345678", "Illya", "illya@example.org",
                "https://0.gravatar.com/avatar/abc123?s=96&d=identicon", "https://gravatar.com/illyasviel"),
                WordPressCom.profile(me.formatted("true")));
        assertNull(WordPressCom.profile(me.formatted("false")).email());
    }
}
