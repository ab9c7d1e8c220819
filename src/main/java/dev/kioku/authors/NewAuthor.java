package dev.kioku.authors;

import java.util.List;

/** A staff account to create; {@code password} may be null for an account that cannot sign in yet. */
public record NewAuthor(String email, String displayName, Role role, char[] password, String bio, String avatarUrl,
                        String publicEmail, List<Author.Link> links) {
    public NewAuthor {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("email must look like name@example.org");
        }
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("name must not be empty");
        if (role == null) throw new IllegalArgumentException("role is required");
        if (password != null && password.length < 8) throw new IllegalArgumentException("password must be at least 8 characters");
        bio = bio == null ? "" : bio;
        links = links == null ? List.of() : List.copyOf(links);
    }
}
