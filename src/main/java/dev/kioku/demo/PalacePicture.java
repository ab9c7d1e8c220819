package dev.kioku.demo;

import static dev.kioku.demo.DrawingKit.H;
import static dev.kioku.demo.DrawingKit.W;
import static dev.kioku.demo.DrawingKit.arch;
import static dev.kioku.demo.DrawingKit.below;
import static dev.kioku.demo.DrawingKit.circle;
import static dev.kioku.demo.DrawingKit.glow;
import static dev.kioku.demo.DrawingKit.mix;
import static dev.kioku.demo.DrawingKit.polygon;
import static dev.kioku.demo.DrawingKit.rgb;
import static dev.kioku.demo.DrawingKit.ridgeLine;
import static dev.kioku.demo.DrawingKit.rounded;
import static dev.kioku.demo.DrawingKit.vertical;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** Draws {@code palace.png}: a temple at dusk, doorways lit like rooms of a memory palace, lanterns on the path. */
final class PalacePicture {

    private PalacePicture() {}

    static void draw(Graphics2D g) {
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

    private static void stars(Graphics2D g, Random random, int count, double maxY) {
        for (int i = 0; i < count; i++) {
            double r = 0.6 + random.nextDouble() * 1.5;
            g.setColor(new Color(255, 248, 232, 50 + random.nextInt(170)));
            g.fill(circle(random.nextDouble() * W, random.nextDouble() * maxY, r));
        }
    }
}
