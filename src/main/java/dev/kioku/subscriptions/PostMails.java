package dev.kioku.subscriptions;

import dev.kioku.content.Post;
import dev.kioku.mail.Mail;
import dev.kioku.series.SeriesView;
import dev.kioku.web.Templates;
import java.nio.charset.StandardCharsets;

/**
 * The words of subscription emails: the confirmation, and a new post's announcement (title, excerpt, link, one
 * line saying why it came, and the unsubscribe link, which also goes in {@code List-Unsubscribe}). The excerpt
 * is the post's own, which never holds spoilers.
 */
final class PostMails {
    private final Templates templates;

    PostMails(Templates templates) {
        this.templates = templates;
    }

    /**
     * The announcement of {@code post} to one subscriber.
     *
     * @param series   the post's series, or null
     * @param viaSeries true when the subscriber follows only the series (the mail says so)
     * @throws IllegalArgumentException when {@code to} cannot be mailed
     */
    Mail post(String to, String siteTitle, Post post, String url, SeriesView series, boolean viaSeries, String unsubscribeUrl) {
        String kicker = series == null || series.current() == 0 ? null
                : "Part " + series.current() + " of " + series.title();
        String subject = oneLine(kicker == null ? post.title() : kicker + ": " + post.title());
        String why = viaSeries && series != null
                ? "You get this email because you asked to hear when the next part of “" + series.title() + "” is out."
                : "You get this email because you subscribed to new posts on " + siteTitle + ".";
        String excerpt = post.excerpt() == null ? "" : post.excerpt().strip();
        StringBuilder text = new StringBuilder();
        if (kicker != null) text.append(kicker).append('\n');
        text.append(post.title()).append("\n\n");
        if (!excerpt.isEmpty()) text.append(excerpt).append("\n\n");
        text.append("Read it on ").append(siteTitle).append(": ").append(url).append("\n\n")
                .append("-- \n").append(why).append('\n')
                .append("Unsubscribe: ").append(unsubscribeUrl).append('\n');
        String html = new String(templates.render("subscriptions/post-mail.jte",
                new SubscriptionPages.Mail(siteTitle, kicker, post.title(), excerpt, url, why, unsubscribeUrl)), StandardCharsets.UTF_8);
        return new Mail(to, subject, text.toString(), html, unsubscribeUrl);
    }

    /**
     * The double opt-in mail.
     *
     * @param what "new posts" or "new parts of “Trip to Kyoto”"
     * @throws IllegalArgumentException when {@code to} cannot be mailed
     */
    Mail confirmation(String to, String siteTitle, String what, String link) {
        return new Mail(to, oneLine("Confirm your subscription to " + siteTitle),
                "Someone, probably you, asked to get " + what + " from " + siteTitle + " by email at this address.\n\n"
                        + "To confirm, open this link and press the button (it works once, for "
                        + Subscriptions.CONFIRM_LIFE.toDays() + " days):\n" + link + "\n\n"
                        + "If it was not you, ignore this email: nothing is sent to you without this confirmation.\n",
                null, null);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
