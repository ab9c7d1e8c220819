package dev.kioku.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoImagesTest {

    private static final Map<String, byte[]> IMAGES = DemoImages.drawAll();

    @Test
    void drawsThePalaceNotebookWalkAndSeriesCover() {
        assertEquals(List.of("palace.png", "notebook.png", "walk.png", "cover-series.png"),
                List.copyOf(IMAGES.keySet()));
    }

    @Test
    void everyImageDecodesAsAPngOfTheDeclaredSize() throws IOException {
        for (var entry : IMAGES.entrySet()) {
            var image = ImageIO.read(new ByteArrayInputStream(entry.getValue()));
            assertNotNull(image, entry.getKey() + " does not decode");
            assertEquals(DemoImages.WIDTH, image.getWidth(), entry.getKey());
            assertEquals(DemoImages.HEIGHT, image.getHeight(), entry.getKey());
            assertEquals((byte) 0x89, entry.getValue()[0], entry.getKey() + " is not a PNG");
            assertEquals('P', entry.getValue()[1], entry.getKey() + " is not a PNG");
        }
    }

    @Test
    void everyImageStaysUnder300Kilobytes() {
        IMAGES.forEach((name, bytes) -> assertTrue(bytes.length < 300 * 1024, name + " is " + bytes.length + " bytes"));
    }

    @Test
    void drawingAgainGivesTheSameBytes() {
        var again = DemoImages.drawAll();
        IMAGES.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
    }

    @Test
    void theDemoProseOnlyShowsImagesThatAreDrawn() throws IOException {
        var figure = Pattern.compile("/media/demo/([\\w.-]+)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/demo"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                var matcher = figure.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertTrue(IMAGES.containsKey(matcher.group(1)), file.getFileName() + " shows " + matcher.group(1));
                }
            }
        }
    }
}
