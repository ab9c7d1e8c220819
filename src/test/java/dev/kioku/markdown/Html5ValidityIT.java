package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a feature sample, every CommonMark example outside the raw-HTML sections and the Big
 * List of Naughty Strings, and holds each page to the Nu HTML checker (vnu.jar, installed by
 * {@code src/test/tools/install-tools.sh} before integration tests). Raw HTML a writer types is
 * only narrowed by the policy, not restructured, so raw-HTML sections are left out.
 */
class Html5ValidityIT {

    static final String SAMPLE = """
      # Title

      Intro with a footnote[^1], https://example.com, ![inline](/media/a.png "T") and `code`.

      ![A red fox](/media/fox.png "The fox, at dawn")

      ![](/media/untitled.png)

      ## Table

      | left | right | center |
      |:-----|------:|:------:|
      | a    | b     | c      |

      :::spoiler The ending
      Hidden **text**.

      - item
      :::

      ```Java
      int x;
      ```

      1. one
      2. two

      > quote

      [^1]: The note.
      """;

    private final Markdown markdown = new Markdown(src -> src.startsWith("/media/")
            ? Optional.of(new ImageSizes.Size(640, 480))
            : Optional.empty());

    @Test
    void rendered_pages_have_no_nu_validator_errors(@TempDir Path pages) throws Exception {
        Path vnu = Path.of(System.getProperty("kioku.tools", "target/tools"),
                "node_modules/vnu-jar/build/dist/vnu.jar");
        assumeTrue(Files.isRegularFile(vnu),
                () -> "skipped: " + vnu + " is absent (integration tests install it)");

        List<String> sources = new ArrayList<>(List.of(SAMPLE));
        Set<String> rawHtml = Set.of("HTML blocks", "Raw HTML");
        for (JsonNode example : Corpus.json("commonmark/spec-0.31.2.json")) {
            if (!rawHtml.contains(example.get("section").asText())) {
                sources.add(example.get("markdown").asText());
            }
        }
        for (JsonNode naughty : Corpus.json("xss/blns.json")) sources.add(naughty.asText());
        for (int i = 0; i < sources.size(); i++) {
            Files.writeString(pages.resolve(i + ".html"), page(markdown.render(sources.get(i)).html()),
                    StandardCharsets.UTF_8);
        }

        assertEquals(List.of(), errors(vnu, pages));
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
                + "</head><body>\n" + body + "\n</body></html>\n";
    }

    /**
     * vnu errors, minus two that are the writer's content, not our markup: skipped heading levels,
     * and a link to a malformed host (the spec's {@code <https://../>}).
     */
    private static List<String> errors(Path vnu, Path pages)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-jar", vnu.toString(), "--errors-only",
                "--skip-non-html", pages.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor(5, TimeUnit.MINUTES), "vnu did not finish");
        return output.lines()
                .filter(line -> line.contains("error:"))
                .filter(line -> !line.contains("heading level") && !line.contains("Invalid host"))
                .toList();
    }
}
