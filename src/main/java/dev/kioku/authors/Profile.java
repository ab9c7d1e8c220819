package dev.kioku.authors;

import dev.kioku.web.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person shows readers about themselves: the author box under their posts and their author page.
 * Blank optional values become null; links are kept in the order given.
 *
 * @param avatarUrl   http(s) URL or a path on this site ({@code /media/...}), or null for initials
 * @param publicEmail an address readers may write to, or null
 * @throws Invalid with a message per field: {@code displayName}, {@code bio}, {@code avatarUrl},
 *                 {@code publicEmail}, {@code links}, and {@code link-N} for the N-th link (from 0)
 */
public record Profile(String displayName, String bio, String avatarUrl, String publicEmail, List<Author.Link> links) {
    public static final int MAX_LINKS = 12;

    public Profile {
        displayName = displayName == null ? "" : displayName.strip();
        bio = bio == null ? "" : bio.strip();
        avatarUrl = avatarUrl == null || avatarUrl.isBlank() ? null : avatarUrl.strip();
        publicEmail = publicEmail == null || publicEmail.isBlank() ? null : publicEmail.strip();
        links = links == null ? List.of() : List.copyOf(links);
        Map<String, String> errors = new LinkedHashMap<>();
        if (displayName.isEmpty()) errors.put("displayName", "Readers need a name to see under your posts.");
        else if (displayName.length() > 100) errors.put("displayName", "Keep the name under 100 characters.");
        if (bio.length() > 2000) errors.put("bio", "Keep the bio under 2,000 characters; it is " + bio.length() + ".");
        if (avatarUrl != null && !ProfileRules.safeUrl(avatarUrl)) {
            errors.put("avatarUrl", "The picture's address must start with https:// or http://.");
        }
        if (publicEmail != null && !publicEmail.matches(ProfileRules.EMAIL)) {
            errors.put("publicEmail", "That does not look like an email address (name@example.org).");
        }
        if (links.size() > MAX_LINKS) errors.put("links", "Up to " + MAX_LINKS + " links, please.");
        for (int i = 0; i < links.size(); i++) {
            Author.Link link = links.get(i);
            String label = link.label() == null ? "" : link.label().strip();
            String url = link.url() == null ? "" : link.url().strip();
            if (label.isEmpty()) errors.put("link-" + i, "Give this link a label, such as Mastodon or Website.");
            else if (label.length() > 60) errors.put("link-" + i, "Keep the label under 60 characters.");
            else if (!ProfileRules.safeLink(url)) {
                errors.put("link-" + i, "The address must start with https://, http:// or mailto:.");
            }
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        links = links.stream().map(l -> new Author.Link(l.label().strip(), l.url().strip())).toList();
    }
}
