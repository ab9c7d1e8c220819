package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What heap a big upload needs, in a JVM of its own with a 48 MB heap: the server's default heap is set by it.
 * A 19.5-megapixel 4:3 photo (just under the size where decoding subsamples) decoded whole is 57 MB of pixels.
 */
class UploadHeapTest {
    private static final String HEAP = "-Xmx48m";

    @Test
    void a_20_megapixel_photo_and_a_19_megapixel_png_are_cleaned_in_a_48_mb_heap_that_cannot_hold_either_decoded_whole(
            @TempDir Path dir) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, TestImages.write(StripDecodingTest.photo(5100, 3825, false), "jpeg"));
        Path scan = dir.resolve("scan.png");
        Files.write(scan, TestImages.write(StripDecodingTest.photo(5000, 3800, false), "png"));

        Result cleaned = run(photo.toString(), scan.toString());
        Result photoWhole = run("--full-decode", photo.toString());
        Result scanWhole = run("--full-decode", scan.toString());

        assertEquals(0, cleaned.exit(), cleaned.output());
        assertTrue(cleaned.output().contains("stored JPEG 2560x1920"), cleaned.output());
        assertTrue(cleaned.output().contains("stored PNG 2560x1946"), cleaned.output());
        assertNotEquals(0, photoWhole.exit(), photoWhole.output());
        assertTrue(photoWhole.output().contains("OutOfMemoryError"), photoWhole.output());
        assertNotEquals(0, scanWhole.exit(), scanWhole.output());
        assertTrue(scanWhole.output().contains("OutOfMemoryError"), scanWhole.output());
    }

    private record Result(int exit, String output) {
    }

    /** {@link CleanInSmallHeap} in a JVM with the small heap and the server's collector. */
    private static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), HEAP,
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                CleanInSmallHeap.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
