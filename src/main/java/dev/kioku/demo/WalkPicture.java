package dev.kioku.demo;

import static dev.kioku.demo.DrawingKit.H;
import static dev.kioku.demo.DrawingKit.W;
import static dev.kioku.demo.DrawingKit.below;
import static dev.kioku.demo.DrawingKit.circle;
import static dev.kioku.demo.DrawingKit.glow;
import static dev.kioku.demo.DrawingKit.polygon;
import static dev.kioku.demo.DrawingKit.rgb;
import static dev.kioku.demo.DrawingKit.ridgeLine;
import static dev.kioku.demo.DrawingKit.rounded;
import static dev.kioku.demo.DrawingKit.vertical;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Random;

/** Draws {@code walk.png}: layered hills at golden hour, a path into them and someone walking it. */
final class WalkPicture {

    private WalkPicture() {}

    static void draw(Graphics2D g) {
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

    private static double heightAt(double[] ridge, double x) {
        double at = Math.max(0, Math.min(ridge.length - 1.001, x * (ridge.length - 1) / W));
        int i = (int) at;
        return ridge[i] + (ridge[i + 1] - ridge[i]) * (at - i);
    }
}
