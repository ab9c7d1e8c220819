package dev.kioku.webmentions;

import dev.kioku.content.Kind;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.web.Paths;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which public post or page of this site a target URL names: its address in any permalink style (they all
 * answer, with a 301 to the current one), or an old address that redirects to it.
 */
final class Targets {
    private final Posts posts;
    private final Supplier<String> publicBase;
    private final Supplier<ZoneId> zone;

    Targets(Posts posts, Supplier<String> publicBase, Supplier<ZoneId> zone) {
        this.posts = posts;
        this.publicBase = publicBase;
        this.zone = zone;
    }

    /** The site's own address, normalised. */
    URI base() {
        return URI.create(publicBase.get() + "/");
    }

    /** The public post or page at {@code target}; empty when it is not one of this site's. */
    Optional<Post> postAt(URI target) {
        if (!Links.onSite(target, base())) return Optional.empty();
        String basePath = base().getPath();
        String path = target.getRawPath() == null ? "/" : Paths.decode(target.getRawPath());
        // a site served under a path (https://host/blog/) names its posts below it
        if (basePath.length() > 1) {
            if (!path.startsWith(basePath)) return Optional.empty();
            path = path.substring(basePath.length() - 1);
        }
        if (!path.endsWith("/")) path += "/";
        Optional<Post> found = at(path);
        if (found.isPresent()) return found;
        String p = path;
        return posts.redirectFor(p).or(() -> posts.redirectFor(p.substring(0, p.length() - 1))).flatMap(this::at);
    }

    private Optional<Post> at(String path) {
        String[] parts = path.substring(1).split("/");
        List<Optional<Post>> candidates = new ArrayList<>();
        String last = parts[parts.length - 1];
        if (parts.length == 2 && parts[0].equals(PermalinkStyle.ARCHIVES) && last.matches("[1-9]\\d{0,17}")) {
            candidates.add(posts.publicById(Long.parseLong(last)));
        }
        if (!last.isEmpty()) {
            candidates.add(posts.publicBySlug(Kind.PAGE, last));
            candidates.add(posts.publicBySlug(Kind.POST, last));
        }
        ZoneId z = zone.get();
        for (Optional<Post> c : candidates) {
            if (c.isEmpty()) continue;
            for (PermalinkStyle style : PermalinkStyle.values()) {
                if (c.get().permalink(style, z).equals(path)) return c;
            }
        }
        return Optional.empty();
    }
}
