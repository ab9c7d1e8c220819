package dev.kioku.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a reader's browser in the way a person does: an emailed link (read from GreenMail), opened and confirmed. */
public final class ReaderLogin {
    private static final Pattern LINK = Pattern.compile("/readers/email/[A-Za-z0-9_-]{20,}/");

    private ReaderLogin() {
    }

    /** A fresh browser signed in as {@code email}, showing {@code name} (null: the part before the @). */
    public static Commenter signIn(TestBlog blog, GreenMailExtension smtp, String email, String name) {
        Commenter browser = new Commenter(blog);
        signIn(blog, smtp, browser, email, name);
        return browser;
    }

    /** Signs this browser in; @return the answer to the confirm button (303 back to the form). */
    public static TestBlog.Response signIn(TestBlog blog, GreenMailExtension smtp, Commenter browser, String email, String name) {
        TestBlog.Response asked = browser.post("/readers/email/", Map.of("email", email, "return", "/"), blog.base());
        if (asked.status() != 200) throw new AssertionError("asking for a link answered " + asked.status() + ": " + asked.text());
        blog.app.outbox().sendDue();
        String link = null;
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (!m.getAllRecipients()[0].toString().equals(email)) continue;
                Matcher found = LINK.matcher(m.getContent().toString());
                if (found.find()) link = found.group();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (link == null) throw new AssertionError("no sign-in mail to " + email);
        TestBlog.Response r = browser.post(link, name == null ? Map.of() : Map.of("name", name), blog.base());
        if (r.status() != 303) throw new AssertionError("confirming answered " + r.status() + ": " + r.text());
        return r;
    }
}
