package dev.kioku.readers;

/** One way to sign in under the comment form: a provider's id, its label, and where its button leads. */
public record SignInChoice(String id, String label, String startUrl) {
}
