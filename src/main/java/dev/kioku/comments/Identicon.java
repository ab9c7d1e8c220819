package dev.kioku.comments;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A small picture drawn from a hash, so commenters without a photo are told apart at a glance: a 5×5 grid
 * mirrored left to right, one colour on a pale tint of it. The colour is darkened until it stands out from
 * its own background, so the square reads the same on a light or a dark page.
 */
final class Identicon {
    private static final int CELL = 2;
    private static final int MARGIN = 1;
    private static final int SIDE = 5 * CELL + 2 * MARGIN;

    private Identicon() {
    }

    /** What to draw: two colours and the filled cells as {row, column}. */
    private record Drawing(double[] background, double[] foreground, java.util.List<int[]> cells) {
    }

    private static Drawing drawing(String hash) {
        byte[] bits = HexFormat.of().parseHex(hash);
        double hue = ((bits[12] & 0xff) << 8 | (bits[13] & 0xff)) % 360;
        double saturation = 0.45 + (bits[14] & 0xff) / 255.0 * 0.25;
        double[] background = hsl(hue, saturation * 0.6, 0.93);
        double lightness = 0.55;
        while (contrast(hsl(hue, saturation, lightness), background) < 3.0) lightness -= 0.02;
        java.util.List<int[]> cells = new java.util.ArrayList<>();
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 3; col++) {
                int bit = row * 3 + col;
                if ((bits[bit / 8] >> (bit % 8) & 1) == 0) continue;
                cells.add(new int[] {row, col});
                if (col < 2) cells.add(new int[] {row, 4 - col});
            }
        }
        if (cells.isEmpty()) cells.add(new int[] {2, 2});
        return new Drawing(background, hsl(hue, saturation, lightness), cells);
    }

    /** The SVG for {@code hash} (32 lowercase hex digits, checked by the caller). */
    static byte[] svg(String hash) {
        Drawing d = drawing(hash);
        StringBuilder path = new StringBuilder();
        for (int[] cell : d.cells()) square(path, cell[0], cell[1]);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + SIDE + " " + SIDE + "\" width=\"80\" height=\"80\""
                + " shape-rendering=\"crispEdges\"><rect width=\"" + SIDE + "\" height=\"" + SIDE + "\" fill=\"" + hex(d.background()) + "\"/>"
                + "<path fill=\"" + hex(d.foreground()) + "\" d=\"" + path + "\"/></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same picture as an 84×84 PNG: Gravatar takes only raster images as the default it shows for an email
     * it does not know.
     */
    static byte[] png(String hash) {
        Drawing d = drawing(hash);
        int unit = 7;
        var image = new java.awt.image.BufferedImage(SIDE * unit, SIDE * unit, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color(d.background()));
        g.fillRect(0, 0, SIDE * unit, SIDE * unit);
        g.setColor(color(d.foreground()));
        for (int[] cell : d.cells()) g.fillRect((MARGIN + cell[1] * CELL) * unit, (MARGIN + cell[0] * CELL) * unit, CELL * unit, CELL * unit);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream(1024);
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static java.awt.Color color(double[] rgb) {
        return new java.awt.Color((int) Math.round(rgb[0] * 255), (int) Math.round(rgb[1] * 255), (int) Math.round(rgb[2] * 255));
    }

    private static void square(StringBuilder path, int row, int col) {
        path.append('M').append(MARGIN + col * CELL).append(' ').append(MARGIN + row * CELL)
                .append('h').append(CELL).append('v').append(CELL).append('h').append(-CELL).append('z');
    }

    /** Red, green and blue from 0 to 1. */
    private static double[] hsl(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs((h / 60) % 2 - 1));
        double m = l - c / 2;
        double[] rgb = h < 60 ? new double[] {c, x, 0} : h < 120 ? new double[] {x, c, 0} : h < 180 ? new double[] {0, c, x}
                : h < 240 ? new double[] {0, x, c} : h < 300 ? new double[] {x, 0, c} : new double[] {c, 0, x};
        return new double[] {rgb[0] + m, rgb[1] + m, rgb[2] + m};
    }

    private static String hex(double[] rgb) {
        return String.format("#%02x%02x%02x", Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255));
    }

    /** The WCAG contrast ratio of two colours. */
    private static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            linear[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
