package dev.kioku.readers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** WordPress.com (OAuth 2.0): {@code /rest/v1/me}; the email is used only when WordPress.com verified it. */
final class WordPressCom {
    static final URI ME = URI.create("https://public-api.wordpress.com/rest/v1/me");
    static final Preset.OAuth2 PRESET = new Preset.OAuth2("wordpress", "WordPress.com",
            URI.create("https://public-api.wordpress.com/oauth2/authorize"),
            URI.create("https://public-api.wordpress.com/oauth2/token"), List.of("auth"), Preset.ClientAuth.POST,
            (token, api) -> profile(api.get(ME, token)));

    private WordPressCom() {
    }

    static Readers.Profile profile(String me) throws IOException {
        JsonNode n = Json.parse(me);
        String name = Json.text(n, "display_name");
        String email = n.path("email_verified").asBoolean(false) ? Json.text(n, "email") : null;
        return new Readers.Profile("wordpress", Json.required(n, "user id", "ID"),
                name == null ? Json.required(n, "username", "username") : name, email, Json.web(Json.text(n, "avatar_URL")),
                Json.web(Json.text(n, "profile_URL")));
    }
}
