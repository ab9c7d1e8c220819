package dev.kioku.readers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.readers.Readers;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Facebook Login (OAuth 2.0): the Graph API's {@code /me} with the fields a comment needs. */
final class Facebook {
    static final String GRAPH = "https://graph.facebook.com/v23.0";
    static final URI ME = URI.create(GRAPH + "/me?fields=id,name,email,picture");
    static final Preset.OAuth2 PRESET = new Preset.OAuth2("facebook", "Facebook",
            URI.create("https://www.facebook.com/v23.0/dialog/oauth"), URI.create(GRAPH + "/oauth/access_token"),
            List.of("public_profile", "email"), Preset.ClientAuth.POST, (token, api) -> profile(api.get(ME, token)));

    private Facebook() {
    }

    /** Facebook gives no profile link without an app review, so there is none. */
    static Readers.Profile profile(String me) throws IOException {
        JsonNode n = Json.parse(me);
        return new Readers.Profile("facebook", Json.required(n, "user id", "id"), Json.required(n, "name", "name"),
                Json.text(n, "email"), Json.web(Json.text(n, "picture", "data", "url")), null);
    }
}
