package dev.kioku.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared WordPress export corpus (../shared/corpus/wxr, read in place, never copied) and its STATS.json
 * counts. Tests that need it skip with a message when it is absent.
 */
final class WxrCorpus {
    static final Path DIR = Path.of("..", "shared", "corpus", "wxr").toAbsolutePath().normalize();

    private WxrCorpus() {
    }

    /** One row of STATS.json; {@code parseError} is set for the files that are not well-formed. */
    record Row(Path file, String parseError, int posts, int pages, int attachments, int comments, int maxCommentDepth) {
        boolean wellFormed() {
            return parseError == null;
        }

        @Override
        public String toString() {
            return DIR.relativize(file).toString();
        }
    }

    static void assumePresent() {
        Assumptions.assumeTrue(Files.isRegularFile(DIR.resolve("STATS.json")),
                "skipped: the WordPress export corpus is not at " + DIR);
    }

    static Path file(String relative) {
        assumePresent();
        return DIR.resolve(relative);
    }

    /** Every row; empty (the parameterized tests then skip) when the corpus is absent. */
    static List<Row> rows() {
        if (!Files.isRegularFile(DIR.resolve("STATS.json"))) return List.of();
        try {
            List<Row> rows = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(DIR.resolve("STATS.json").toFile())) {
                Path file = DIR.resolve(n.get("file").asText()).normalize();
                String error = n.hasNonNull("parse_error") ? n.get("parse_error").asText() : null;
                rows.add(new Row(file, error, n.path("posts").asInt(), n.path("pages").asInt(), n.path("attachments").asInt(),
                        n.path("comments").asInt(), n.path("max_comment_depth").asInt()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> wellFormed() {
        return rows().stream().filter(Row::wellFormed).toList();
    }

    static List<Row> malformed() {
        return rows().stream().filter(r -> !r.wellFormed()).toList();
    }
}
