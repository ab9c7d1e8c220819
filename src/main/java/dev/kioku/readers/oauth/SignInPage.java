package dev.kioku.readers.oauth;

import dev.kioku.site.Site;

/**
 * The few pages a reader sees while signing in: "Connecting to …" (a popup on its way to the provider), "signed
 * in" (a popup about to close), and a refusal.
 *
 * @param go          where the popup's script sends it at once, or null
 * @param signedIn    "yes" on the page that tells the opener and closes, else null
 * @param scriptUrl   the popup script, or null on pages that need none
 */
public record SignInPage(Site site, String title, String message, String linkUrl, String linkText, String go,
                         String signedIn, String scriptUrl) {
    static SignInPage connecting(Site site, String provider, String authorization, String scriptUrl) {
        return new SignInPage(site, "Connecting to " + provider + "…", "Taking you to " + provider + " to sign in.",
                authorization, "Continue to " + provider, authorization, null, scriptUrl);
    }

    static SignInPage signedIn(Site site, String provider, String name, String back, String scriptUrl) {
        return new SignInPage(site, "Signed in", "You are signed in as " + name + " with your " + provider
                + " account. This window closes by itself.", back, "Back to the comment form", null, "yes", scriptUrl);
    }

    static SignInPage refused(Site site, String why, String back) {
        return new SignInPage(site, "Sign-in refused", why + " You are not signed in.", back, "Back to the site", null,
                null, null);
    }
}
