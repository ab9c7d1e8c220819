package dev.kioku.readers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** X (formerly Twitter), OAuth 2.0 with PKCE: {@code /2/users/me} with the profile picture. X shares no email. */
final class XPlatform {
    static final URI ME = URI.create("https://api.x.com/2/users/me?user.fields=profile_image_url");
    static final Preset.OAuth2 PRESET = new Preset.OAuth2("x", "X", URI.create("https://x.com/i/oauth2/authorize"),
            URI.create("https://api.x.com/2/oauth2/token"), List.of("users.read", "tweet.read"), Preset.ClientAuth.BASIC,
            (token, api) -> profile(api.get(ME, token)));

    private XPlatform() {
    }

    static Readers.Profile profile(String me) throws IOException {
        JsonNode data = Json.parse(me).path("data");
        String username = Json.required(data, "username", "username");
        String name = Json.text(data, "name");
        return new Readers.Profile("x", Json.required(data, "user id", "id"), name == null ? "@" + username : name, null,
                Json.web(Json.text(data, "profile_image_url")), Json.web("https://x.com/" + username));
    }
}
