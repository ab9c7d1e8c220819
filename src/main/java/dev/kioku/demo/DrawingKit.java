package dev.kioku.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/** The shapes, colours, gradients and ridge lines that more than one demo picture is drawn with. */
final class DrawingKit {

    /** Width in pixels of every picture, as {@link DemoImages#WIDTH}. */
    static final int W = DemoImages.WIDTH;
    /** Height in pixels of every picture, as {@link DemoImages#HEIGHT}. */
    static final int H = DemoImages.HEIGHT;

    private DrawingKit() {}

    /** A ridge line by midpoint displacement: heights at 129 evenly spaced x across the image. */
    static double[] ridgeLine(Random random, double high, double low, double roughness) {
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

    static Shape below(double[] ridge, double floor) {
        var path = new Path2D.Double();
        path.moveTo(0, floor);
        for (int i = 0; i < ridge.length; i++) {
            path.lineTo(i * (double) W / (ridge.length - 1), ridge[i]);
        }
        path.lineTo(W, floor);
        path.closePath();
        return path;
    }

    static Shape arch(double x, double y, double w, double h) {
        var shape = new Area(new Rectangle2D.Double(x, y + w / 2, w, h - w / 2));
        shape.add(new Area(new Ellipse2D.Double(x, y, w, w)));
        return shape;
    }

    static void glow(Graphics2D g, double x, double y, double radius, Color color) {
        var clear = new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
        g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) radius,
                new float[] {0f, 1f}, new Color[] {color, clear}));
        g.fill(circle(x, y, radius));
    }

    static Paint vertical(int top, int bottom, int... colors) {
        var fractions = new float[colors.length];
        var stops = new Color[colors.length];
        for (int i = 0; i < colors.length; i++) {
            fractions[i] = colors.length == 1 ? 0f : (float) i / (colors.length - 1);
            stops[i] = rgb(colors[i]);
        }
        return new LinearGradientPaint(0, top, 0, bottom, fractions, stops);
    }

    static Shape polygon(double... xy) {
        var path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    static Shape rounded(double x, double y, double w, double h, double corner) {
        return new RoundRectangle2D.Double(x, y, w, h, corner, corner);
    }

    static Ellipse2D circle(double x, double y, double r) {
        return new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
    }

    static Color rgb(int hex) {
        return new Color(hex);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
