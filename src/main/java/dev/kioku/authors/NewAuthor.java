package dev.kioku.authors;

import java.util.List;

/** A staff account to create; {@code password} may be null for an account that cannot sign in yet. */
public record NewAuthor(String email, String displayName, Role role, char[] password, String bio, String avatarUrl,
                        String publicEmail, List<Author.Link> links) {
    public NewAuthor {
        if (email == null || !email.matches(ProfileRules.EMAIL)) {
            throw new IllegalArgumentException("email must look like name@example.org");
        }
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("name must not be empty");
        if (role == null) throw new IllegalArgumentException("role is required");
        if (password != null) Passwords.requireStrong(password);
        bio = bio == null ? "" : bio;
        links = links == null ? List.of() : List.copyOf(links);
        if (avatarUrl != null && !ProfileRules.safeUrl(avatarUrl)) throw new IllegalArgumentException("avatar must be an http(s) URL or a path on this site");
        for (Author.Link link : links) {
            if (!ProfileRules.safeLink(link.url())) {
                throw new IllegalArgumentException("link '" + link.label() + "' must be an http(s) or mailto: URL");
            }
        }
    }
}
