package dev.kioku.media;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Run in a JVM of its own by {@link UploadHeapTest}: cleans each file named (as an upload is cleaned) and prints what
 * was stored, or with {@code --full-decode} only decodes each at full size, which is what cleaning did before strips.
 */
public final class CleanInSmallHeap {
    private CleanInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        boolean full = args[0].equals("--full-decode");
        for (int i = full ? 1 : 0; i < args.length; i++) {
            byte[] bytes = Files.readAllBytes(Path.of(args[i]));
            if (full) {
                var picture = ImageIO.read(new ByteArrayInputStream(bytes));
                System.out.println("decoded " + picture.getWidth() + "x" + picture.getHeight());
            } else {
                ImageCleaner.Cleaned cleaned = ImageCleaner.clean(bytes);
                System.out.println("stored " + cleaned.format() + " " + cleaned.width() + "x" + cleaned.height());
            }
            bytes = null;
        }
    }
}
