package dev.kioku.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Decodes a picture that is larger than it will be stored strip by strip, averaging each strip into the
 * smaller, upright picture as it arrives: a photo never lies in memory at full size.
 *
 * <p>Why: decoded whole, a 19-megapixel photo is 57 MB of pixels (76 MB with alpha), and shrinking and turning
 * it made more copies; that set the server's heap. Here the peak is the stored picture (2560 × 1920 is 20 MB)
 * plus one strip of {@link #STRIP_BYTES}, reused for every strip: a 19.5-megapixel JPEG or PNG is cleaned in a 48 MB
 * heap, where decoding it whole needed 96 MB.
 *
 * <p>Each stored pixel is the average of the source area it covers (a box filter, with partial weights where a
 * source pixel straddles two stored ones). Rows add up across strip boundaries, so the result is the same, to the
 * bit, whatever the strip height: no seams. Alpha is premultiplied while averaging, so the hidden colour of
 * transparent pixels does not bleed into their neighbours. The EXIF orientation is applied as rows are written:
 * no second copy to turn.
 *
 * <p>The cost: ImageIO's readers decode from the top of the image for every source region, skipping the rows
 * above it, so n strips cost about (n + 1) / 2 decodes. Strips are therefore as tall as {@link #STRIP_BYTES}
 * allows, and a picture over twice the stored size is subsampled first (as before strips), which divides both the
 * strip count and the work.
 */
final class StripDecoder {
    /** Bytes of pixels decoded at once, as the reader lays them out. */
    static final int STRIP_BYTES = 12 * 1024 * 1024;
    /** Rows converted to sRGB at once, from a strip in whatever type the reader gave. */
    private static final int CHUNK_ROWS = 32;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private final int width;
    private final int height;
    private final int orientation;
    private final boolean alphaAllowed;
    private BufferedImage out;
    private int[] outPixels;
    /** The stored-size row being filled, then the next one (premultiplied ARGB floats, 4 per pixel). */
    private float[] current;
    private float[] next;
    /** One source row summed into stored columns (4 floats a pixel, one spare pixel for the last split). */
    private float[] rowSum;
    private int currentRow;
    private boolean alpha;
    /** For each source column: the stored column its left part falls in, how much of it falls there, and the rest. */
    private int[] columnOf;
    private float[] columnHere;
    private float[] columnRest;

    private StripDecoder(int width, int height, int orientation, boolean alphaAllowed) {
        this.width = width;
        this.height = height;
        this.orientation = orientation;
        this.alphaAllowed = alphaAllowed;
    }

    /**
     * Image 0 of {@code reader} shrunk to {@code width} × {@code height} (before turning) and turned upright, as 8-bit
     * sRGB: {@code TYPE_INT_ARGB} when the picture has transparency and {@code alphaAllowed}, else {@code TYPE_INT_RGB}
     * with transparent parts on white.
     *
     * @throws IOException when the image data cannot be read
     */
    static BufferedImage fitted(ImageReader reader, int width, int height, int orientation, boolean alphaAllowed) throws IOException {
        return fitted(reader, width, height, orientation, alphaAllowed, STRIP_BYTES);
    }

    /** As {@link #fitted(ImageReader, int, int, int, boolean)}, with strips of {@code stripBytes} (tests force many). */
    static BufferedImage fitted(ImageReader reader, int width, int height, int orientation, boolean alphaAllowed, int stripBytes)
            throws IOException {
        var decoder = new StripDecoder(width, height, orientation, alphaAllowed);
        decoder.read(reader, stripBytes);
        return decoder.out;
    }

    private void read(ImageReader reader, int stripBytes) throws IOException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        int step = Math.max(1, Math.min(w / width, h / height)); // subsample only what the box would average away anyway
        int sw = (w + step - 1) / step;
        int sh = (h + step - 1) / step;
        columns(sw);
        int stripRows = Math.max(1, stripBytes / (bytesPerPixel(reader) * sw)); // rows after subsampling
        ImageReadParam param = reader.getDefaultReadParam();
        ImageTypeSpecifier type = firstType(reader);
        start(type != null && type.getColorModel().hasAlpha() && alphaAllowed); // the larger array first, while the heap is emptiest
        BufferedImage strip = null;
        if (type != null) { // one strip picture for all: the reader also keeps the last one it made until reset
            strip = type.createBufferedImage(sw, Math.min(stripRows, sh));
            param.setDestination(strip);
        }
        var chunkImage = new BufferedImage(sw, CHUNK_ROWS, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] chunk = ((DataBufferInt) chunkImage.getRaster().getDataBuffer()).getData();
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        var stopper = new StopAfterRow(reader);
        if (stopsAfterRegion(reader)) reader.addIIOReadUpdateListener(stopper);
        int sy = 0; // the subsampled row
        for (int y0 = 0; y0 < h; y0 += stripRows * step) { // a multiple of step keeps one subsampling grid
            int rows = Math.min(stripRows * step, h - y0);
            int subsampled = (rows + step - 1) / step;
            param.setSourceRegion(new Rectangle(0, y0, w, rows));
            // the last strip is read to the end of the file, so a file cut off after the last row it keeps is refused
            stopper.lastRow = y0 + rows >= h ? Integer.MAX_VALUE : subsampled - 1;
            strip = reader.read(0, param);
            for (int r0 = 0; r0 < subsampled; r0 += CHUNK_ROWS) {
                toSrgb(strip, r0, chunkImage);
                for (int r = 0; r < Math.min(CHUNK_ROWS, subsampled - r0); r++) addRow(chunk, r * sw, sw, sy++, sh);
            }
        }
        reader.removeIIOReadUpdateListener(stopper);
        reader.reset(); // ImageIO's JPEG reader holds on to the strip until then
        while (currentRow < height) emitCurrent();
    }

    /**
     * True for a non-interlaced PNG: ImageIO's PNG reader inflates every row to the end of the image whatever the
     * region, so each strip would cost a whole decode; stopping it once the strip's last row is in makes n strips
     * cost (n + 1) / 2 decodes, as for JPEG. (An interlaced PNG, or a progressive JPEG, delivers rows more than once.)
     */
    private static boolean stopsAfterRegion(ImageReader reader) throws IOException {
        if (!reader.getFormatName().equalsIgnoreCase("png")) return false;
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(PNG_METADATA)) return false;
        NodeList header = ((Element) metadata.getAsTree(PNG_METADATA)).getElementsByTagName("IHDR");
        return header.getLength() == 1 && "none".equals(((Element) header.item(0)).getAttribute("interlaceMethod"));
    }

    /** Aborts the read once the strip's last row has been written (ImageIO's way to stop a reader early). */
    private static final class StopAfterRow implements IIOReadUpdateListener {
        private final ImageReader reader;
        int lastRow;

        StopAfterRow(ImageReader reader) {
            this.reader = reader;
        }

        @Override
        public void imageUpdate(ImageReader source, BufferedImage theImage, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
            if (minY + (height - 1) * periodY >= lastRow) reader.abort();
        }

        @Override
        public void passStarted(ImageReader source, BufferedImage theImage, int pass, int minPass, int maxPass, int minX,
                int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage theImage) {
        }

        @Override
        public void thumbnailPassStarted(ImageReader source, BufferedImage theThumbnail, int pass, int minPass, int maxPass,
                int minX, int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailUpdate(ImageReader source, BufferedImage theThumbnail, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {
        }
    }

    /** The type of picture the reader makes when not told otherwise; null when it does not say. */
    private static ImageTypeSpecifier firstType(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        return types != null && types.hasNext() ? types.next() : null;
    }

    /** Bytes a decoded pixel takes in the reader's picture type; 4 when the reader does not say. */
    private static int bytesPerPixel(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) return 4;
        int bits = 0;
        for (int size : types.next().getSampleModel().getSampleSize()) bits += size;
        return Math.max(1, (bits + 7) / 8);
    }

    /** Rows {@code from}… of the strip drawn into the chunk as 8-bit sRGB, on white when alpha is dropped. */
    private void toSrgb(BufferedImage strip, int from, BufferedImage chunkImage) {
        Graphics2D g = chunkImage.createGraphics();
        try {
            if (alpha) {
                g.setComposite(AlphaComposite.Src);
            } else if (strip.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE); // as Pixels.upright: a transparent pixel flattened shows as white
                g.fillRect(0, 0, chunkImage.getWidth(), chunkImage.getHeight());
            }
            g.drawImage(strip, 0, -from, null);
        } finally {
            g.dispose();
        }
    }

    private void start(boolean withAlpha) {
        alpha = withAlpha;
        boolean swap = ExifOrientation.swapsSides(orientation);
        out = new BufferedImage(swap ? height : width, swap ? width : height,
                withAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        outPixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        current = new float[4 * width];
        next = new float[4 * width];
        rowSum = new float[4 * width + 4];
    }

    /** Source column x covers [x, x + 1) × scale of the stored row: all in one stored column, or split over two. */
    private void columns(int sw) {
        columnOf = new int[sw];
        columnHere = new float[sw];
        columnRest = new float[sw];
        double scale = width / (double) sw;
        for (int x = 0; x < sw; x++) {
            double left = x * scale;
            double right = (x + 1) * scale;
            int i = Math.min((int) left, width - 1);
            double rest = right > i + 1 && i + 1 < width ? right - (i + 1) : 0;
            columnOf[x] = i;
            columnHere[x] = (float) (scale - rest);
            columnRest[x] = (float) rest;
        }
    }

    /** Adds source row {@code y} (of {@code sh}) to the one or two stored rows it covers. */
    private void addRow(int[] px, int offset, int sw, int y, int sh) {
        double scale = height / (double) sh;
        double top = y * scale;
        double bottom = (y + 1) * scale;
        int j = Math.min((int) top, height - 1);
        while (j > currentRow) emitCurrent();
        float below = bottom > j + 1 && j + 1 < height ? (float) (bottom - (j + 1)) : 0f;
        float here = (float) scale - below; // the row's height in stored rows, split between j and j + 1
        float[] sum = rowSum;
        Arrays.fill(sum, 0f);
        if (alpha) {
            for (int x = 0; x < sw; x++) {
                int p = px[offset + x];
                float a = p >>> 24;
                float m = a / 255f;
                int i = 4 * columnOf[x];
                float cw = columnHere[x];
                float r = (p >> 16 & 0xFF) * m;
                float g = (p >> 8 & 0xFF) * m;
                float b = (p & 0xFF) * m;
                sum[i] += a * cw;
                sum[i + 1] += r * cw;
                sum[i + 2] += g * cw;
                sum[i + 3] += b * cw;
                float rest = columnRest[x];
                if (rest > 0) {
                    sum[i + 4] += a * rest;
                    sum[i + 5] += r * rest;
                    sum[i + 6] += g * rest;
                    sum[i + 7] += b * rest;
                }
            }
        } else {
            for (int x = 0; x < sw; x++) {
                int p = px[offset + x];
                int i = 4 * columnOf[x];
                float cw = columnHere[x];
                float r = p >> 16 & 0xFF;
                float g = p >> 8 & 0xFF;
                float b = p & 0xFF;
                sum[i + 1] += r * cw;
                sum[i + 2] += g * cw;
                sum[i + 3] += b * cw;
                float rest = columnRest[x];
                if (rest > 0) {
                    sum[i + 5] += r * rest;
                    sum[i + 6] += g * rest;
                    sum[i + 7] += b * rest;
                }
            }
        }
        float[] cur = current;
        for (int i = 0; i < cur.length; i++) cur[i] += sum[i] * here;
        if (below > 0) {
            float[] nxt = next;
            for (int i = 0; i < nxt.length; i++) nxt[i] += sum[i] * below;
        }
    }

    /** Writes the finished stored row where it belongs upright, and moves on to the next. */
    private void emitCurrent() {
        AffineTransform turn = ExifOrientation.upright(orientation, width, height);
        Point2D first = turn.transform(new Point2D.Double(0.5, currentRow + 0.5), null);
        int x0 = (int) Math.floor(first.getX());
        int y0 = (int) Math.floor(first.getY());
        int dx = (int) Math.round(turn.getScaleX());
        int dy = (int) Math.round(turn.getShearY());
        int stride = out.getWidth();
        for (int x = 0; x < width; x++) {
            int i = 4 * x;
            float a = current[i];
            int argb;
            if (alpha) {
                int ai = clamp(a);
                argb = ai == 0 ? 0 : ai << 24 | clamp(current[i + 1] * 255 / a) << 16 | clamp(current[i + 2] * 255 / a) << 8
                        | clamp(current[i + 3] * 255 / a);
            } else {
                argb = 0xFF000000 | clamp(current[i + 1]) << 16 | clamp(current[i + 2]) << 8 | clamp(current[i + 3]);
            }
            outPixels[(y0 + dy * x) * stride + x0 + dx * x] = argb;
        }
        float[] done = current;
        current = next;
        next = done;
        Arrays.fill(next, 0f);
        currentRow++;
    }

    private static int clamp(float v) {
        return Math.clamp(Math.round(v), 0, 255);
    }
}
