package dev.kioku.demo;

import static dev.kioku.demo.DrawingKit.H;
import static dev.kioku.demo.DrawingKit.W;
import static dev.kioku.demo.DrawingKit.arch;
import static dev.kioku.demo.DrawingKit.circle;
import static dev.kioku.demo.DrawingKit.glow;
import static dev.kioku.demo.DrawingKit.mix;
import static dev.kioku.demo.DrawingKit.rgb;
import static dev.kioku.demo.DrawingKit.vertical;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Random;

/** Draws {@code cover-series.png}: arches receding towards a warm light, cover of "The Memory Palace". */
final class CoverPicture {

    private CoverPicture() {}

    static void draw(Graphics2D g) {
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

    private static int darker(int hex, double amount) {
        return mix(rgb(hex), Color.BLACK, amount).getRGB() & 0xFFFFFF;
    }
}
