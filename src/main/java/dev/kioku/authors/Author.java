package dev.kioku.authors;

import java.util.List;

/**
 * An author's public profile. The account email is deliberately not here: templates only ever see this.
 *
 * @param avatarUrl   site path or absolute URL of the avatar, or null
 * @param publicEmail contact address the author chose to show, or null
 */
public record Author(long id, String displayName, String slug, String bio, String avatarUrl, String publicEmail,
                     List<Link> links) {
    public Author {
        links = List.copyOf(links);
    }

    /** A contact or social link shown in the author box. */
    public record Link(String label, String url) {
    }

    public String url() {
        return "/author/" + slug + "/";
    }

    /** Up to two initials for the avatar placeholder. */
    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : displayName.strip().split("\\s+")) {
            if (!part.isEmpty() && sb.length() < 2) sb.appendCodePoint(part.codePointAt(0));
        }
        return sb.toString().toUpperCase();
    }
}
