package dev.kioku.demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The illustrations of the demo blog, drawn here instead of downloaded.
 *
 * <p>Why draw them: the demo then ships no third-party images with licences to track, and
 * the pictures stay small. Each one is a handful of gradients and shapes placed by a
 * {@link Random} with a fixed seed, and no text is drawn (installed fonts differ between
 * machines), so a given JDK always produces the same bytes. Each picture is drawn by its own
 * class ({@link PalacePicture}, {@link NotebookPicture}, {@link WalkPicture},
 * {@link CoverPicture}) from the primitives in {@link DrawingKit}; this class only encodes them.
 */
public final class DemoImages {

    /** Width in pixels of every demo image. */
    public static final int WIDTH = 1600;
    /** Height in pixels of every demo image. */
    public static final int HEIGHT = 900;

    private DemoImages() {}

    /**
     * Draws every demo image. Works without a display: it asks AWT for headless mode unless
     * the caller already chose a mode.
     *
     * @return PNG bytes keyed by file name ({@code palace.png}, {@code notebook.png},
     *     {@code walk.png}, {@code cover-series.png}), in that order; never empty, unmodifiable
     * @throws UncheckedIOException if the PNG encoder fails, which writing to memory only does
     *     on a broken JDK
     */
    public static Map<String, byte[]> drawAll() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        var images = new LinkedHashMap<String, byte[]>();
        images.put("palace.png", png(PalacePicture::draw));
        images.put("notebook.png", png(NotebookPicture::draw));
        images.put("walk.png", png(WalkPicture::draw));
        images.put("cover-series.png", png(CoverPicture::draw));
        return Collections.unmodifiableMap(images);
    }

    private static byte[] png(Consumer<Graphics2D> drawing) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            drawing.accept(g);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream(256 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }
}
