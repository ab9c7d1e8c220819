package dev.kioku.blog;

/** An image with its intrinsic size and caption (featured images). */
public record Figure(String src, String alt, int width, int height, String caption) {
}
