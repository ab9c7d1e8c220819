package dev.kioku.readers;

/**
 * One way to sign in offered under the comment form.
 *
 * @param id       {@code email}, or a provider id given to {@link Readers#registerProvider}
 * @param label    what the reader sees ("Google", "Email link")
 * @param startUrl where the sign-in starts, on this site, carrying the path to come back to
 */
public record SignInChoice(String id, String label, String startUrl) {
}
