package dev.kioku.webmentions;

import java.util.List;

/**
 * The approved webmentions under a post: who liked and reposted it, and the replies and mentions from other
 * sites. Everything is plain text for the template to escape; no remote image is shown (the pictures are ours:
 * identicons drawn from the author's address).
 */
public record MentionSection(List<Person> likes, List<Person> reposts, List<Reply> replies) {
    public MentionSection {
        likes = List.copyOf(likes);
        reposts = List.copyOf(reposts);
        replies = List.copyOf(replies);
    }

    /** Someone who liked or reposted: {@code url} is their http(s) address or null, {@code avatarUrl} our identicon. */
    public record Person(String name, String url, String avatarUrl) {
    }

    /**
     * A reply or mention on another site.
     *
     * @param url     the author's address, or null
     * @param date    when the source says it was written (else when it reached us), as the site shows dates
     * @param text    the reply's text, plain, or null for a mention without text
     * @param mention true for a page that only links here
     */
    public record Reply(long id, String name, String url, String avatarUrl, String date, String isoDate, String text,
                        String sourceUrl, String sourceHost, boolean mention) {
    }

    /** The names in a row of faces, for those who do not hover: "Ann, Bo and 3 more". */
    public static String names(List<Person> people) {
        int shown = Math.min(people.size(), 5);
        String first = String.join(", ", people.subList(0, shown).stream().map(Person::name).toList());
        return people.size() > shown ? first + " and " + (people.size() - shown) + " more" : first;
    }

    public boolean isEmpty() {
        return likes.isEmpty() && reposts.isEmpty() && replies.isEmpty();
    }

    public String likesHeading() {
        return likes.size() == 1 ? "1 like" : likes.size() + " likes";
    }

    public String repostsHeading() {
        return reposts.size() == 1 ? "1 repost" : reposts.size() + " reposts";
    }

    public String repliesHeading() {
        return replies.size() == 1 ? "1 response from elsewhere" : replies.size() + " responses from elsewhere";
    }
}
