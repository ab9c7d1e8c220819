package dev.kioku.readers;

import dev.kioku.admin.Fields;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;

/** View records of the sign-in pages (none cached: each is one reader's). */
public final class ReaderPages {
    private ReaderPages() {
    }

    /** "Sign in with an email link": the address and the page to come back to. */
    public record EmailForm(Site site, Meta meta, Fields form, String returnPath) {
    }

    /** The emailed link opened: a button that signs in (a GET never does), and the name to show. */
    public record Confirm(Site site, Meta meta, String email, Fields form, String action) {
    }

    /** A heading, a sentence, and a way on. */
    public record Notice(Site site, Meta meta, String heading, String message, String backUrl, String backLabel) {
    }
}
