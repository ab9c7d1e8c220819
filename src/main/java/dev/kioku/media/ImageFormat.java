package dev.kioku.media;

import java.util.Locale;
import java.util.Optional;

/** The image formats the library accepts, recognised by their bytes (the ImageIO reader that can decode them). */
enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    final String mime;
    final String extension;

    ImageFormat(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    /** The format an ImageIO reader reports ({@code "JPEG"}, {@code "png"}, {@code "webp"}…), or empty for any other. */
    static Optional<ImageFormat> ofReaderName(String formatName) {
        return switch (formatName.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
