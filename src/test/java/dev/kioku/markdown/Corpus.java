package dev.kioku.markdown;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The externally written test material in {@code ../shared/corpus/}. A user's clone has no
 * {@code ../shared}: tests that need it are skipped with a message, never failed.
 */
final class Corpus {

    static final Path ROOT = Path.of("..", "shared", "corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    /** The file, or a skipped test when the corpus folder is absent. */
    static Path file(String relative) {
        assumeTrue(Files.isDirectory(ROOT),
                () -> "skipped: " + ROOT.toAbsolutePath().normalize()
                        + " is absent (it sits beside CI checkouts, not in a user's clone)");
        Path file = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: corpus file " + file + " is absent");
        return file;
    }

    static String text(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
