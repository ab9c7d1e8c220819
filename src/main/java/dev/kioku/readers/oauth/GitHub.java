package dev.kioku.readers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** GitHub (OAuth 2.0): {@code /user}, and {@code /user/emails} when the address is not public. */
final class GitHub {
    static final URI USER = URI.create("https://api.github.com/user");
    static final URI EMAILS = URI.create("https://api.github.com/user/emails");
    static final Preset.OAuth2 PRESET = new Preset.OAuth2("github", "GitHub",
            URI.create("https://github.com/login/oauth/authorize"), URI.create("https://github.com/login/oauth/access_token"),
            List.of("read:user", "user:email"), Preset.ClientAuth.POST, GitHub::fetch);

    private GitHub() {
    }

    private static Readers.Profile fetch(String token, Preset.Api api) throws IOException {
        String user = api.get(USER, token);
        boolean hasEmail = Json.text(Json.parse(user), "email") != null;
        return profile(user, hasEmail ? null : api.get(EMAILS, token));
    }

    /**
     * @param emails the {@code /user/emails} list, or null; its primary verified address is used when the
     *               profile shows none
     */
    static Readers.Profile profile(String user, String emails) throws IOException {
        JsonNode u = Json.parse(user);
        String login = Json.required(u, "login", "login");
        String name = Json.text(u, "name");
        String email = Json.text(u, "email");
        if (email == null && emails != null) {
            for (JsonNode e : Json.parse(emails)) {
                if (e.path("primary").asBoolean() && e.path("verified").asBoolean()) email = Json.text(e, "email");
            }
        }
        return new Readers.Profile("github", Json.required(u, "user id", "id"), name == null ? login : name, email,
                Json.web(Json.text(u, "avatar_url")), Json.web(Json.text(u, "html_url")));
    }
}
