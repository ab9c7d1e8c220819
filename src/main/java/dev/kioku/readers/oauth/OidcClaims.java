package dev.kioku.readers.oauth;

import dev.kioku.readers.Readers;
import java.util.List;
import java.util.Map;

/** The standard OpenID Connect claims as a profile: any provider speaking OpenID Connect, Google included. */
final class OidcClaims {
    static final List<String> SCOPES = List.of("openid", "profile", "email");

    private OidcClaims() {
    }

    /**
     * @param claims the ID token's claims, with the UserInfo answer's added when the token had no name
     * @throws IllegalArgumentException when there is no {@code sub}
     */
    static Readers.Profile profile(String provider, Map<String, Object> claims) {
        String subject = text(claims, "sub");
        if (subject == null) throw new IllegalArgumentException("the ID token names nobody (no sub)");
        String name = first(claims, "name", "preferred_username", "nickname", "given_name");
        String email = Boolean.FALSE.equals(claims.get("email_verified")) ? null : text(claims, "email");
        if (name == null) name = email != null ? email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@')) : "Reader";
        return new Readers.Profile(provider, subject, name, email, Json.web(text(claims, "picture")), Json.web(text(claims, "profile")));
    }

    private static String first(Map<String, Object> claims, String... names) {
        for (String n : names) {
            String v = text(claims, n);
            if (v != null) return v;
        }
        return null;
    }

    private static String text(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v == null) return null;
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
