package dev.kioku.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
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
 * machines), so a given JDK always produces the same bytes.
 */
public final class DemoImages {

    /** Width in pixels of every demo image. */
    public static final int WIDTH = 1600;
    /** Height in pixels of every demo image. */
    public static final int HEIGHT = 900;

    private static final int W = WIDTH;
    private static final int H = HEIGHT;

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
        images.put("palace.png", png(DemoImages::palace));
        images.put("notebook.png", png(DemoImages::notebook));
        images.put("walk.png", png(DemoImages::walk));
        images.put("cover-series.png", png(DemoImages::cover));
        return Collections.unmodifiableMap(images);
    }

    /** A temple at dusk, its doorways lit like rooms of a memory palace, lanterns along the path. */
    private static void palace(Graphics2D g) {
        var random = new Random(0x6B696F6BL);
        int horizon = 690;
        g.setPaint(vertical(0, horizon, 0x1C1F44, 0x4A3F73, 0xE8A38A));
        g.fillRect(0, 0, W, horizon);
        stars(g, random, 170, horizon * 0.62);
        glow(g, 1300, 165, 190, new Color(255, 232, 196, 80));
        g.setColor(rgb(0xFBEFD9));
        g.fill(circle(1300, 165, 44));

        g.setColor(rgb(0x5B4770));
        g.fill(below(ridgeLine(random, horizon - 70, horizon - 10, 0.55), horizon + 5));
        g.setPaint(vertical(horizon, H, 0x3A2C50, 0x17122B));
        g.fillRect(0, horizon, W, H - horizon);

        int cx = 800;
        g.setPaint(vertical(708, H, 0x8C7396, 0x2E2444));
        g.fill(polygon(cx - 130, 708, cx + 130, 708, cx + 420, H, cx - 420, H));
        for (int i = 0; i < 4; i++) {
            double t = i / 3.0;
            double y = 745 + t * t * 120 + t * 20;
            double spread = 170 + (y - 708) * 1.05;
            double size = 7 + t * 12;
            lantern(g, cx - spread, y, size);
            lantern(g, cx + spread, y, size);
        }
        cypress(g, cx - 560, 712, 300);
        cypress(g, cx - 640, 716, 220);
        cypress(g, cx + 560, 712, 300);
        cypress(g, cx + 650, 716, 230);

        for (int step = 0; step < 3; step++) {
            g.setColor(new Color[] {rgb(0xB9A3B0), rgb(0xCDB8C0), rgb(0xDCC9CC)}[step]);
            int half = 500 - step * 22;
            g.fillRect(cx - half, 714 - step * 18 - 18, half * 2, 18);
        }
        g.setColor(rgb(0x2A2042));
        g.fillRect(cx - 420, 330, 840, 330);
        int columns = 7;
        double gap = 800.0 / (columns - 1);
        for (int i = 0; i < columns - 1; i++) {
            double left = cx - 400 + i * gap + 34;
            double brightness = new double[] {0.9, 0.45, 1.0, 0.7, 0.35, 0.85}[i];
            doorway(g, left, 430, gap - 68, 230, brightness);
            if (brightness > 0.8) {
                glow(g, left + (gap - 68) / 2, 400, 22, new Color(255, 214, 150, 170));
            }
        }
        for (int i = 0; i < columns; i++) {
            column(g, cx - 400 + i * gap, 330, 660);
        }
        g.setPaint(vertical(282, 330, 0xEADCD6, 0xC9B4BA));
        g.fillRect(cx - 450, 282, 900, 48);
        g.setColor(rgb(0xB59FAE));
        g.fillRect(cx - 450, 318, 900, 6);
        g.setColor(rgb(0xE4D3D0));
        g.fill(polygon(cx - 480, 284, cx + 480, 284, cx, 160));
        g.setColor(rgb(0xCDB7BC));
        g.fill(polygon(cx - 410, 272, cx + 410, 272, cx, 182));
        glow(g, cx, 238, 60, new Color(255, 200, 130, 120));
        g.setColor(rgb(0xFFD9A0));
        g.fill(circle(cx, 238, 22));
    }

    /** An open notebook on a wooden desk, with a pen and a cup of tea. */
    private static void notebook(Graphics2D g) {
        var random = new Random(0x6E6F7465L);
        g.setPaint(vertical(0, H, 0xB58058, 0x8E5A39));
        g.fillRect(0, 0, W, H);
        for (int i = 0; i < 34; i++) {
            double y0 = random.nextDouble() * (H + 100) - 50;
            double phase = random.nextDouble() * Math.PI * 2;
            var line = new Path2D.Double();
            line.moveTo(-10, y0);
            for (int x = 0; x <= W + 40; x += 40) {
                line.lineTo(x, y0 + Math.sin(x * 0.003 + phase) * 12);
            }
            g.setColor(new Color(70, 38, 20, 20 + random.nextInt(24)));
            g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 3f));
            g.draw(line);
        }

        var saved = g.getTransform();
        g.rotate(-0.045, 740, 470);
        softShadow(g, rounded(236, 136, 1010, 672, 24), 18, 22);
        g.setColor(rgb(0x2F5A5E));
        g.fill(rounded(236, 136, 1010, 672, 24));
        double spine = 741;
        page(g, random, 256, 150, spine - 256, 644, true);
        page(g, random, spine, 150, 1226 - spine, 644, false);
        var clear = new Color(60, 40, 20, 0);
        g.setPaint(new LinearGradientPaint((float) spine - 26, 0, (float) spine + 20, 0, new float[] {0f, 0.56f, 1f},
                new Color[] {clear, new Color(60, 40, 20, 60), clear}));
        g.fill(new Rectangle2D.Double(spine - 26, 150, 46, 644));
        g.setColor(rgb(0xB3362F));
        g.fill(polygon(spine + 60, 780, spine + 84, 780, spine + 84, 880, spine + 72, 866, spine + 60, 880));
        g.setTransform(saved);

        g.rotate(0.62, 1390, 520);
        softShadow(g, rounded(1170, 507, 490, 26, 26), 8, 14);
        g.setPaint(new GradientPaint(0, 507, rgb(0x3A4770), 0, 533, rgb(0x141B33)));
        g.fill(rounded(1180, 507, 480, 26, 26));
        g.setColor(rgb(0xC9A35B));
        g.fill(polygon(1182, 511, 1140, 520, 1182, 529));
        g.fill(new Rectangle2D.Double(1300, 509, 10, 22));
        g.fill(rounded(1560, 503, 90, 8, 8));
        g.setTransform(saved);

        softShadow(g, circle(1450, 160, 128), 16, 18);
        g.setColor(rgb(0xEFE8DC));
        g.fill(circle(1450, 160, 128));
        g.setColor(rgb(0xD9CFBF));
        g.fill(circle(1450, 160, 96));
        g.setColor(rgb(0xFBF8F2));
        g.fill(circle(1450, 160, 88));
        g.setPaint(new RadialGradientPaint(1440, 150, 74, new float[] {0f, 1f},
                new Color[] {rgb(0xC98A3C), rgb(0x8E5520)}));
        g.fill(circle(1450, 160, 72));
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new Ellipse2D.Double(1410, 118, 44, 18));
    }

    /** Layered hills at golden hour, a path into them and someone walking it. */
    private static void walk(Graphics2D g) {
        var random = new Random(0x77616C6BL);
        g.setPaint(vertical(0, 560, 0x8FB9D6, 0xF3D9B8, 0xF4B283));
        g.fillRect(0, 0, W, 560);
        glow(g, 1110, 400, 300, new Color(255, 226, 170, 120));
        g.setColor(rgb(0xFFF1D6));
        g.fill(circle(1110, 400, 58));
        g.setColor(new Color(90, 70, 80, 170));
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 6; i++) {
            double x = 880 + random.nextDouble() * 380;
            double y = 170 + random.nextDouble() * 150;
            double s = 7 + random.nextDouble() * 7;
            var bird = new Path2D.Double();
            bird.moveTo(x - s, y - s * 0.4);
            bird.quadTo(x - s * 0.4, y - s * 0.55, x, y);
            bird.quadTo(x + s * 0.4, y - s * 0.55, x + s, y - s * 0.4);
            g.draw(bird);
        }

        int[] layers = {0xC8B3C4, 0xA596B6, 0x7D7F9E, 0x56706F, 0x3E5C46};
        for (int i = 0; i < layers.length; i++) {
            double top = 360 + i * 62;
            double[] crest = ridgeLine(random, top, top + 110 - i * 8, 0.6 - i * 0.03);
            g.setColor(rgb(layers[i]));
            g.fill(below(crest, H));
            for (int t = 0; i >= 3 && t < 16 + i * 8; t++) {
                double x = random.nextDouble() * W;
                double size = (i == 3 ? 16 : 26) * (0.7 + random.nextDouble() * 0.6);
                if (Math.abs(x - 840) > 200) {
                    g.setColor(rgb(i == 3 ? 0x48635C : 0x2F4A37));
                    conifer(g, x, heightAt(crest, x) + size * 0.4, size);
                }
            }
        }

        double[] meadow = ridgeLine(random, 690, 730, 0.3);
        g.setPaint(vertical(690, H, 0x6A8A4E, 0x3C5A31));
        g.fill(below(meadow, H));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 260; i++) {
            double x = random.nextDouble() * W;
            double y = 750 + random.nextDouble() * 160;
            double len = 6 + (y - 740) * 0.08 + random.nextDouble() * 6;
            g.setColor(new Color(40, 70, 35, 90 + random.nextInt(90)));
            g.draw(new Line2D.Double(x, y, x + random.nextDouble() * 6 - 3, y - len));
        }
        double far = heightAt(meadow, 842) + 4;
        var path = new Path2D.Double();
        path.moveTo(560, H);
        path.curveTo(720, 830, 930, 780, 860, far + 24);
        path.curveTo(846, far + 12, 836, far + 4, 836, far);
        path.lineTo(848, far);
        path.curveTo(860, far + 6, 878, far + 14, 892, far + 26);
        path.curveTo(980, 790, 930, 840, 1080, H);
        path.closePath();
        g.setPaint(vertical((int) far, H, 0xE9CFA3, 0xCFA878));
        g.fill(path);
        walker(g, 872, far + 44, 1.1);
    }

    /** A corridor of arches receding towards a warm light: the cover of "The Memory Palace". */
    private static void cover(Graphics2D g) {
        var random = new Random(0x636F7672L);
        g.setPaint(vertical(0, H, 0x23264D, 0x3E3566, 0x1A1733));
        g.fillRect(0, 0, W, H);
        double vx = 800;
        double vy = 420;
        int[] frames = {0x5B4E86, 0x77609A, 0x9673A6, 0xB788AC, 0xD49FA9, 0xE9B9A0, 0xF4D2A0};
        double scale = 1.0;
        for (int i = 0; i < frames.length; i++) {
            double w = 760 * scale;
            double h = 880 * scale;
            double bottom = vy + (900 - vy) * scale;
            g.setColor(rgb(frames[i]));
            g.fill(arch(vx - w / 2, bottom - h, w, h));
            double inset = 0.82;
            g.setPaint(vertical((int) (bottom - h), (int) bottom, darker(frames[i], 0.45), darker(frames[i], 0.25)));
            g.fill(arch(vx - w * inset / 2, bottom - h * 0.9, w * inset, h * 0.9));
            scale *= 0.74;
        }
        glow(g, vx, vy + 40, 260, new Color(255, 214, 150, 110));
        g.setColor(rgb(0xFFF0D0));
        double doorW = 760 * scale;
        double doorH = 880 * scale;
        g.fill(arch(vx - doorW / 2, vy + (900 - vy) * scale - doorH, doorW, doorH));

        for (int i = 0; i < 26; i++) {
            double angle = random.nextDouble() * Math.PI * 2;
            double distance = 120 + random.nextDouble() * 520;
            double x = vx + Math.cos(angle) * distance * 1.3;
            double y = vy + Math.sin(angle) * distance * 0.7;
            double r = 3 + random.nextDouble() * 7;
            glow(g, x, y, r * 4, new Color(255, 220, 170, 60));
            g.setColor(new Color(255, 236, 205, 150 + random.nextInt(100)));
            g.fill(circle(x, y, r));
        }
    }

    private static void page(Graphics2D g, Random random, double x, double y, double w, double h, boolean left) {
        g.setColor(rgb(0xFBF5E9));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(120, 160, 190, 90));
        for (double line = y + 76; line < y + h - 20; line += 34) {
            g.draw(new Line2D.Double(x + 18, line, x + w - 18, line));
        }
        if (left) {
            g.setColor(new Color(210, 90, 90, 110));
            g.draw(new Line2D.Double(x + 72, y + 20, x + 72, y + h - 20));
        }
        g.setColor(rgb(0x2C3859));
        g.setStroke(new BasicStroke(1.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double firstLine = left ? y + 76 : y + 348;
        boolean skip = false;
        for (double line = firstLine; line < y + h - 60; line += 34) {
            if (skip) {
                skip = false;
                continue;
            }
            boolean paragraphEnds = random.nextInt(5) == 0;
            double cursor = x + (left ? 88 : 40);
            double end = x + w - 40 - random.nextDouble() * (paragraphEnds ? 220 : 40);
            while (cursor < end - 20) {
                double word = 24 + random.nextDouble() * 70;
                scribble(g, random, cursor, line - 3, Math.min(word, end - cursor));
                cursor += word + 16;
            }
            skip = paragraphEnds && random.nextBoolean();
        }
        if (!left) {
            sketchPalace(g, x + 70, y + 70, 190, 200);
            g.setColor(rgb(0xB3362F));
            for (int i = 0; i < 3; i++) {
                g.draw(circle(x + 330, y + 112 + i * 54, 9));
                g.setColor(rgb(0x2C3859));
                scribble(g, random, x + 352, y + 112 + i * 54, 70 + random.nextDouble() * 40);
                g.setColor(rgb(0xB3362F));
            }
        }
    }

    /** A handwritten-looking word: a trochoid, so strokes loop back like joined letters. */
    private static void scribble(Graphics2D g, Random random, double x, double baseline, double width) {
        var word = new Path2D.Double();
        word.moveTo(x, baseline);
        for (double at = x; at < x + width - 6; ) {
            double w = 9 + random.nextDouble() * 4;
            double h = random.nextInt(5) == 0 ? 16 + random.nextDouble() * 4 : 7 + random.nextDouble() * 3;
            double loop = 0.5 + random.nextDouble() * 3;
            for (double t = 0.25; t <= 2 * Math.PI + 0.01; t += 0.25) {
                double rise = h * (1 - Math.cos(t)) / 2;
                word.lineTo(at + w * t / (2 * Math.PI) + loop * Math.sin(t) + rise * 0.3, baseline - rise);
            }
            at += w;
        }
        g.draw(word);
    }

    private static void sketchPalace(Graphics2D g, double x, double y, double w, double h) {
        g.setColor(rgb(0x2C3859));
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(polygon(x, y + h * 0.35, x + w / 2, y, x + w, y + h * 0.35));
        g.draw(new Rectangle2D.Double(x + 8, y + h * 0.35, w - 16, h * 0.1));
        for (int i = 0; i < 5; i++) {
            double cx = x + 22 + i * (w - 44) / 4;
            g.draw(new Line2D.Double(cx, y + h * 0.45, cx, y + h * 0.9));
        }
        g.draw(new Line2D.Double(x - 6, y + h * 0.92, x + w + 6, y + h * 0.92));
        g.setColor(rgb(0xB3362F));
        g.fill(circle(x + 22 + (w - 44) / 8, y + h * 0.7, 5));
        g.fill(circle(x + 22 + 5 * (w - 44) / 8, y + h * 0.6, 5));
    }

    private static void doorway(Graphics2D g, double x, double y, double w, double h, double brightness) {
        Color warm = mix(rgb(0x3B2D55), rgb(0xFFC877), brightness);
        Color deep = mix(rgb(0x2A2042), rgb(0xE98A4B), brightness * 0.8);
        g.setPaint(new GradientPaint(0, (float) y, warm, 0, (float) (y + h), deep));
        g.fill(arch(x, y, w, h));
    }

    private static void column(Graphics2D g, double cx, double top, double bottom) {
        double half = 24;
        g.setPaint(new LinearGradientPaint((float) (cx - half), 0, (float) (cx + half), 0, new float[] {0f, 0.35f, 1f},
                new Color[] {rgb(0xD9C6C8), rgb(0xF4E8E1), rgb(0x9E879B)}));
        g.fill(new Rectangle2D.Double(cx - half, top, half * 2, bottom - top));
        g.setColor(rgb(0xE6D6D2));
        g.fill(new Rectangle2D.Double(cx - half - 8, top, half * 2 + 16, 14));
        g.fill(new Rectangle2D.Double(cx - half - 8, bottom - 14, half * 2 + 16, 14));
    }

    private static void lantern(Graphics2D g, double x, double y, double size) {
        glow(g, x, y - size * 2, size * 5, new Color(255, 196, 120, 90));
        g.setColor(rgb(0x2A2042));
        g.fill(new Rectangle2D.Double(x - size * 0.15, y - size * 1.4, size * 0.3, size * 1.4));
        g.setColor(rgb(0xFFD596));
        g.fill(rounded(x - size * 0.55, y - size * 2.6, size * 1.1, size * 1.3, size * 0.4));
    }

    private static void cypress(Graphics2D g, double x, double base, double height) {
        g.setColor(rgb(0x1E1A33));
        double half = height * 0.12;
        var tree = new Path2D.Double();
        tree.moveTo(x, base - height);
        tree.curveTo(x + half * 0.9, base - height * 0.75, x + half * 1.2, base - height * 0.3, x + half * 0.5, base);
        tree.lineTo(x - half * 0.5, base);
        tree.curveTo(x - half * 1.2, base - height * 0.3, x - half * 0.9, base - height * 0.75, x, base - height);
        g.fill(tree);
    }

    private static void conifer(Graphics2D g, double x, double base, double size) {
        g.fill(polygon(x - size * 0.45, base, x + size * 0.45, base, x, base - size * 1.6));
    }

    private static void walker(Graphics2D g, double x, double feet, double scale) {
        g.setColor(rgb(0x2B2A3A));
        g.fill(circle(x, feet - 27 * scale, 3.2 * scale));
        g.fill(rounded(x - 3.5 * scale, feet - 23 * scale, 7 * scale, 14 * scale, 4 * scale));
        g.setStroke(new BasicStroke((float) (2.2 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x - 1.5 * scale, feet - 10 * scale, x - 3.5 * scale, feet));
        g.draw(new Line2D.Double(x + 1.5 * scale, feet - 10 * scale, x + 3 * scale, feet));
        g.setColor(rgb(0xC2453A));
        g.fill(rounded(x - 4.5 * scale, feet - 22 * scale, 4 * scale, 10 * scale, 3 * scale));
    }

    private static void stars(Graphics2D g, Random random, int count, double maxY) {
        for (int i = 0; i < count; i++) {
            double r = 0.6 + random.nextDouble() * 1.5;
            g.setColor(new Color(255, 248, 232, 50 + random.nextInt(170)));
            g.fill(circle(random.nextDouble() * W, random.nextDouble() * maxY, r));
        }
    }

    /** A ridge line by midpoint displacement: heights at 129 evenly spaced x across the image. */
    private static double[] ridgeLine(Random random, double high, double low, double roughness) {
        int n = 128;
        double[] y = new double[n + 1];
        y[0] = high + random.nextDouble() * (low - high);
        y[n] = high + random.nextDouble() * (low - high);
        double spread = (low - high) * 0.9;
        for (int step = n; step > 1; step /= 2) {
            for (int i = step / 2; i < n; i += step) {
                double middle = (y[i - step / 2] + y[i + step / 2]) / 2 + (random.nextDouble() - 0.5) * spread;
                y[i] = Math.max(high, Math.min(low, middle));
            }
            spread *= roughness;
        }
        return y;
    }

    private static double heightAt(double[] ridge, double x) {
        double at = Math.max(0, Math.min(ridge.length - 1.001, x * (ridge.length - 1) / W));
        int i = (int) at;
        return ridge[i] + (ridge[i + 1] - ridge[i]) * (at - i);
    }

    private static Shape below(double[] ridge, double floor) {
        var path = new Path2D.Double();
        path.moveTo(0, floor);
        for (int i = 0; i < ridge.length; i++) {
            path.lineTo(i * (double) W / (ridge.length - 1), ridge[i]);
        }
        path.lineTo(W, floor);
        path.closePath();
        return path;
    }

    private static Shape arch(double x, double y, double w, double h) {
        var shape = new Area(new Rectangle2D.Double(x, y + w / 2, w, h - w / 2));
        shape.add(new Area(new Ellipse2D.Double(x, y, w, w)));
        return shape;
    }

    private static void softShadow(Graphics2D g, Shape shape, double dx, double dy) {
        var saved = g.getTransform();
        for (int i = 6; i >= 1; i--) {
            g.setTransform(saved);
            g.translate(dx, dy);
            var bounds = shape.getBounds2D();
            double grow = 1 + i * 0.006;
            g.translate(bounds.getCenterX(), bounds.getCenterY());
            g.scale(grow, grow);
            g.translate(-bounds.getCenterX(), -bounds.getCenterY());
            g.setColor(new Color(30, 15, 5, 14));
            g.fill(shape);
        }
        g.setTransform(saved);
    }

    private static void glow(Graphics2D g, double x, double y, double radius, Color color) {
        var clear = new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
        g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) radius,
                new float[] {0f, 1f}, new Color[] {color, clear}));
        g.fill(circle(x, y, radius));
    }

    private static Paint vertical(int top, int bottom, int... colors) {
        var fractions = new float[colors.length];
        var stops = new Color[colors.length];
        for (int i = 0; i < colors.length; i++) {
            fractions[i] = colors.length == 1 ? 0f : (float) i / (colors.length - 1);
            stops[i] = rgb(colors[i]);
        }
        return new LinearGradientPaint(0, top, 0, bottom, fractions, stops);
    }

    private static Shape polygon(double... xy) {
        var path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    private static Shape rounded(double x, double y, double w, double h, double corner) {
        return new RoundRectangle2D.Double(x, y, w, h, corner, corner);
    }

    private static Ellipse2D circle(double x, double y, double r) {
        return new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
    }

    private static Color rgb(int hex) {
        return new Color(hex);
    }

    private static int darker(int hex, double amount) {
        return mix(rgb(hex), Color.BLACK, amount).getRGB() & 0xFFFFFF;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static byte[] png(Consumer<Graphics2D> drawing) {
        var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
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
