package dev.kioku.demo;

import static dev.kioku.demo.DrawingKit.H;
import static dev.kioku.demo.DrawingKit.W;
import static dev.kioku.demo.DrawingKit.circle;
import static dev.kioku.demo.DrawingKit.polygon;
import static dev.kioku.demo.DrawingKit.rgb;
import static dev.kioku.demo.DrawingKit.rounded;
import static dev.kioku.demo.DrawingKit.vertical;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** Draws {@code notebook.png}: an open notebook on a wooden desk, with a pen and a cup of tea. */
final class NotebookPicture {

    private NotebookPicture() {}

    static void draw(Graphics2D g) {
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
}
