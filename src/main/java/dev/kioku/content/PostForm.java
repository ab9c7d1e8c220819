package dev.kioku.content;

import dev.kioku.markdown.Slugs;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The editor's fields exactly as the writer typed them, so a refused save comes back with nothing lost.
 * Strings throughout: a bad year must be shown back as typed, not as a number.
 *
 * @param publishAt the schedule field, {@code yyyy-MM-ddTHH:mm} in the site's time zone, or ""
 * @param version   the post's version when the editor was opened (0 for a new post)
 */
public record PostForm(String title, String slug, String body, String tags, String excerpt, String featuredMediaId,
                       boolean commentsOpen, String reviewTitle, String reviewYear, String reviewCreator,
                       String reviewKind, String reviewUrl, String reviewRating, String publishAt, long version) {
    static final int MAX_TITLE = 300;
    static final int MAX_EXCERPT = 1000;
    static final int MAX_TAG = 60;
    static final int MAX_URL = 2000;
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public PostForm {
        title = clean(title);
        slug = clean(slug);
        body = body == null ? "" : body.replace("\r\n", "\n");
        tags = clean(tags);
        excerpt = clean(excerpt);
        featuredMediaId = clean(featuredMediaId);
        reviewTitle = clean(reviewTitle);
        reviewYear = clean(reviewYear);
        reviewCreator = clean(reviewCreator);
        reviewKind = clean(reviewKind);
        reviewUrl = clean(reviewUrl);
        reviewRating = clean(reviewRating);
        publishAt = clean(publishAt);
    }

    static PostForm blank(Kind kind) {
        return new PostForm("", "", "", "", "", "", kind == Kind.POST, "", "", "", "", "", "", "", 0);
    }

    static PostForm of(Post p, ZoneId zone) {
        Post.Review r = p.review();
        String at = p.status() == Status.SCHEDULED ? LOCAL_INPUT.format(p.publishedAt().atZone(zone)) : "";
        return new PostForm(p.title(), p.slug(), p.bodyMd(), String.join(", ", p.tags().stream().map(Tag::name).toList()),
                p.customExcerpt(), p.featuredMediaId() == null ? "" : p.featuredMediaId().toString(), p.commentsOpen(),
                r == null ? "" : r.title(), r == null || r.year() == null ? "" : r.year().toString(),
                r == null || r.creator() == null ? "" : r.creator(), r == null || r.kind() == null ? "" : r.kind().schemaType(),
                r == null || r.url() == null ? "" : r.url(), r == null || r.rating() == null ? "" : r.rating().toString(),
                at, p.version());
    }

    static PostForm read(Context ctx) {
        long version;
        try {
            version = Long.parseLong(clean(ctx.formParam("version")));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new PostForm(ctx.formParam("title"), ctx.formParam("slug"), ctx.formParam("body"), ctx.formParam("tags"),
                ctx.formParam("excerpt"), ctx.formParam("featuredMediaId"), ctx.formParam("commentsOpen") != null,
                ctx.formParam("reviewTitle"), ctx.formParam("reviewYear"), ctx.formParam("reviewCreator"),
                ctx.formParam("reviewKind"), ctx.formParam("reviewUrl"), ctx.formParam("reviewRating"),
                ctx.formParam("publishAt"), version);
    }

    /** The writing of a revision in place of this form's; settings stay as they are. */
    PostForm withRevision(Revision r) {
        return new PostForm(r.title(), r.slug(), r.bodyMd(), String.join(", ", r.tags()), r.customExcerpt(),
                featuredMediaId, commentsOpen, reviewTitle, reviewYear, reviewCreator, reviewKind, reviewUrl, reviewRating,
                publishAt, version);
    }

    PostForm withVersion(long newVersion) {
        return new PostForm(title, slug, body, tags, excerpt, featuredMediaId, commentsOpen, reviewTitle, reviewYear,
                reviewCreator, reviewKind, reviewUrl, reviewRating, publishAt, newVersion);
    }

    /**
     * What keeps this form from being saved, field name to a sentence; empty when it can be saved.
     *
     * @param postId      the post being edited, 0 for a new one
     * @param scheduling  true when the writer asked to schedule, so the time is required
     * @param imageExists whether a media id names an image in the library
     */
    Map<String, String> problems(Kind kind, long postId, boolean scheduling, Posts posts, LongPredicate imageExists,
                                 ZoneId zone, Instant now) {
        Map<String, String> p = new LinkedHashMap<>();
        String noun = kind == Kind.PAGE ? "page" : "post";
        if (title.isEmpty()) p.put("title", "Give the " + noun + " a title.");
        else if (title.length() > MAX_TITLE) p.put("title", "Keep the title under " + MAX_TITLE + " characters.");
        if (!slug.isEmpty()) {
            String s = Slugs.slugify(slug);
            if (s.isEmpty()) p.put("slug", "Use letters or digits in the address.");
            else posts.slugProblem(kind, s, postId).ifPresent(why -> p.put("slug", "The address “" + s + "” " + why + "."));
        }
        if (excerpt.length() > MAX_EXCERPT) p.put("excerpt", "Keep the excerpt under " + MAX_EXCERPT + " characters (it has " + excerpt.length() + ").");
        for (String tag : tagList()) {
            if (tag.length() > MAX_TAG) p.put("tags", "Tags are at most " + MAX_TAG + " characters each; “" + tag.substring(0, 20) + "…” is longer.");
            else if (Slugs.slugify(tag).isEmpty()) p.put("tags", "The tag “" + tag + "” needs a letter or digit.");
        }
        if (!featuredMediaId.isEmpty() && (!featuredMediaId.matches("\\d{1,18}") || !imageExists.test(Long.parseLong(featuredMediaId)))) {
            p.put("featuredMediaId", "That image is no longer in the media library; choose another.");
        }
        if (!reviewYear.isEmpty() && (!reviewYear.matches("-?\\d{1,4}") || Integer.parseInt(reviewYear) == 0)) {
            p.put("reviewYear", "Write the year as a number, such as 1999.");
        }
        if (!reviewKind.isEmpty() && ReviewKind.of(reviewKind).isEmpty()) p.put("reviewKind", "Choose a kind of work from the list.");
        if (!reviewUrl.isEmpty() && !isWebAddress(reviewUrl)) {
            p.put("reviewUrl", "Write the full address, starting with https:// (or leave it empty).");
        }
        if (!reviewRating.isEmpty() && rating() == null) p.put("reviewRating", "Rate it with 1 to 5 whole stars, or leave the rating empty.");
        if (reviewTitle.isEmpty() && hasReview()) {
            p.put("reviewTitle", "Name the work this " + noun + " reviews, or clear the other review fields.");
        } else if (reviewTitle.length() > MAX_TITLE) {
            p.put("reviewTitle", "Keep the title of the work under " + MAX_TITLE + " characters.");
        }
        if (scheduling) {
            Instant at = publishTime(zone);
            if (publishAt.isEmpty()) p.put("publishAt", "Choose the date and time to publish at.");
            else if (at == null) p.put("publishAt", "Write the time as a date and time, such as 2026-12-01 09:00.");
            else if (!at.isAfter(now)) p.put("publishAt", "That time has passed. Choose a later one, or use Publish now.");
        }
        return p;
    }

    /** The schedule field as an instant in the site's zone, or null when empty or not a date-time. */
    Instant publishTime(ZoneId zone) {
        if (publishAt.isEmpty()) return null;
        try {
            return LocalDateTime.parse(publishAt.length() > 16 ? publishAt.substring(0, 16) : publishAt, LOCAL_INPUT)
                    .atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The draft to save. Saving calls it only when {@link #problems} found none; an autosave, which keeps
     * only the writing, calls it on any input, so nothing here may fail: an empty title becomes "Untitled",
     * an unreadable year or image is left out.
     */
    PostDraft draft(Kind kind, long authorId) {
        Integer year = reviewYear.matches("-?\\d{1,4}") ? Integer.valueOf(reviewYear) : null;
        Post.Review review = reviewTitle.isEmpty() ? null : new Post.Review(reviewTitle, year,
                reviewCreator.isEmpty() ? null : reviewCreator, ReviewKind.of(reviewKind).orElse(null),
                isWebAddress(reviewUrl) ? reviewUrl : null, rating());
        Long image = featuredMediaId.matches("\\d{1,18}") ? Long.valueOf(featuredMediaId) : null;
        return new PostDraft(kind, title.isEmpty() ? "Untitled" : title, slug.isEmpty() ? null : Slugs.slugify(slug), body,
                authorId, tagList(), image, commentsOpen, review, excerpt);
    }

    List<String> tagList() {
        List<String> out = new ArrayList<>();
        for (String t : tags.split(",")) if (!t.isBlank()) out.add(t.strip());
        return out;
    }

    /** True when every field a writer types is empty (an untouched new post is not autosaved). */
    boolean isEmpty() {
        return title.isEmpty() && body.isBlank() && tags.isEmpty() && excerpt.isEmpty();
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The rating field as whole stars 1 to 5, or null when empty or anything else ("7", "4.5", "four"). */
    private Integer rating() {
        return reviewRating.matches("[1-5]") ? Integer.valueOf(reviewRating) : null;
    }

    /** An absolute http or https address with a host, short enough to store. */
    private static boolean isWebAddress(String s) {
        if (s.isEmpty() || s.length() > MAX_URL) return false;
        try {
            java.net.URI u = new java.net.URI(s);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** True when any review field holds something: the editor then shows the Review section open. */
    public boolean hasReview() {
        return !(reviewTitle.isEmpty() && reviewYear.isEmpty() && reviewCreator.isEmpty() && reviewKind.isEmpty()
                && reviewUrl.isEmpty() && reviewRating.isEmpty());
    }

    /** For the template: the kinds to offer. */
    public List<ReviewKind> reviewKinds() {
        return List.of(ReviewKind.values());
    }

    /** A kind that was sent but is not one of {@link ReviewKind}, shown back as typed; null otherwise. */
    public String unknownReviewKind() {
        return reviewKind.isEmpty() || ReviewKind.of(reviewKind).isPresent() ? null : reviewKind;
    }
}
