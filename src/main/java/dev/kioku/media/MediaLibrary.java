package dev.kioku.media;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.ImageSizes;
import dev.kioku.web.WebServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;

/**
 * Images kept in the data folder ({@code data/media/YYYY/MM/...}) with a row each for size, alt text and
 * caption, and smaller copies ({@link #VARIANT_WIDTHS}) beside each for {@code srcset}.
 *
 * <p>Every write publishes {@code media:ID}, so pages showing the image as a featured image are redrawn;
 * figures already rendered into posts keep what they were rendered with until the post is saved again.
 * Files reach their place only whole ({@link MediaFiles}), and an upload that fails at any step, including
 * the database insert, leaves no file behind.
 */
public final class MediaLibrary implements ImageSizes {
    /** Largest file accepted, the same limit the HTTP server puts on a file in a form. */
    public static final long MAX_BYTES = WebServer.MAX_UPLOAD_BYTES;
    /** Widths of the smaller copies; only those narrower than the image are made. */
    public static final List<Integer> VARIANT_WIDTHS = List.of(480, 960, 1600);
    public static final int MAX_ALT = 1000;
    public static final int MAX_CAPTION = 2000;
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");
    /** One picture decoded at a time: each needs ~35 MB at once (the stored picture and a strip), the heap is 112 MB. */
    private final Semaphore decoding = new Semaphore(1);
    private final Jdbi jdbi;
    private final MediaStore store = new MediaStore();
    private final MediaFiles files;
    private final Clock clock;
    private final EventBus events;
    private final RandomGenerator random;

    public MediaLibrary(Jdbi jdbi, Path dataDir, EventBus events, Clock clock) {
        this(jdbi, dataDir, events, clock, new SecureRandom(), MediaFiles.ATOMIC);
    }

    MediaLibrary(Jdbi jdbi, Path dataDir, EventBus events, Clock clock, RandomGenerator random, MediaFiles.Mover mover) {
        this.jdbi = jdbi;
        this.events = events;
        this.clock = clock;
        this.random = random;
        this.files = new MediaFiles(dataDir.resolve("media"), mover);
        files.sweep(clock);
    }

    /** A page of images, newest first, and how many there are in all. */
    public record Slice(List<Media> items, int total) {
    }

    /**
     * Stores an upload: checks and cleans the bytes ({@link ImageCleaner}: by content, EXIF orientation
     * applied, metadata dropped), names it {@code /media/YYYY/MM/<slug>-<random>.<ext>} and makes its copies.
     *
     * @param uploadedName the name the file had on the writer's computer; only its slug is kept
     * @throws IllegalArgumentException with a sentence for the writer when the file is refused
     */
    public Media upload(String uploadedName, byte[] bytes, long uploadedBy) {
        return store(uploadedName, bytes, "", "", uploadedBy);
    }

    /**
     * Stores an image brought over from another blog like an upload, with its alt text and caption and no uploader.
     *
     * @throws IllegalArgumentException with a sentence when the file is refused (not an image, too large)
     */
    public Media importImage(String originalName, byte[] bytes, String alt, String caption) {
        String a = oneLine(alt);
        String c = oneLine(caption);
        return store(originalName, bytes, a.length() > MAX_ALT ? a.substring(0, MAX_ALT) : a,
                c.length() > MAX_CAPTION ? c.substring(0, MAX_CAPTION) : c, null);
    }

    private Media store(String uploadedName, byte[] bytes, String alt, String caption, Long uploadedBy) {
        if (bytes != null && bytes.length > MAX_BYTES) throw new IllegalArgumentException(tooLarge(bytes.length));
        decoding.acquireUninterruptibly();
        try {
            ImageCleaner.Cleaned image = ImageCleaner.clean(bytes);
            ImageFormat copies = image.format() == ImageFormat.JPEG ? ImageFormat.JPEG : ImageFormat.PNG;
            List<Rendition> renditions = renditions(image.picture(), copies);
            String folder = folder();
            String name = freeName(folder, FileNames.stem(uploadedName), image.format().extension);
            String originalName = uploadedName == null ? "" : uploadedName.strip();
            var row = new MediaStore.NewImage("/media/" + folder + "/" + name, image.format().mime, image.width(), image.height(),
                    image.bytes().length, alt, caption, originalName.length() > 255 ? originalName.substring(0, 255) : originalName, uploadedBy);
            return store(row, image.bytes(), renditions, copies, false);
        } finally {
            decoding.release();
        }
    }

    /**
     * Stores an image Kioku itself provides (the demo blog) under {@code /media/<folder>/<name>}, byte for
     * byte, replacing any image at that path, and makes its copies.
     *
     * @throws IllegalArgumentException when the bytes are not an image or a name is unsafe
     */
    public Media add(String folder, String name, byte[] bytes, String alt, String caption) {
        if (!SAFE_NAME.matcher(folder).matches() || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("media names are lowercase letters, digits, dot, dash and underscore");
        }
        decoding.acquireUninterruptibly();
        try {
            BufferedImage picture = decode(bytes);
            String mime = Media.mimeOf(name);
            ImageFormat copies = mime.equals("image/jpeg") ? ImageFormat.JPEG : ImageFormat.PNG;
            var row = new MediaStore.NewImage("/media/" + folder + "/" + name, mime, picture.getWidth(), picture.getHeight(),
                    bytes.length, alt == null ? "" : alt, caption == null ? "" : caption, "", null);
            return store(row, bytes, renditions(picture, copies), copies, true);
        } finally {
            decoding.release();
        }
    }

    /** The image with this id, or empty. */
    public Optional<Media> byId(long id) {
        return jdbi.withHandle(h -> store.byId(h, id));
    }

    /** Images newest first from {@code offset}; an empty list past the end. */
    public Slice list(int offset, int limit) {
        return jdbi.inTransaction(h -> new Slice(store.newest(h, Math.max(0, offset), Math.max(1, limit)), store.count(h)));
    }

    /**
     * Sets the alt text and caption (whitespace, line breaks included, collapsed to single spaces).
     *
     * @return the image as it is now, or empty when there is no such image
     * @throws IllegalArgumentException when a text is too long
     */
    public Optional<Media> describe(long id, String alt, String caption) {
        String a = oneLine(alt);
        String c = oneLine(caption);
        if (a.length() > MAX_ALT) throw new IllegalArgumentException("Alt text can be at most " + MAX_ALT + " characters; it has " + a.length() + ".");
        if (c.length() > MAX_CAPTION) throw new IllegalArgumentException("A caption can be at most " + MAX_CAPTION + " characters; it has " + c.length() + ".");
        boolean found = jdbi.inTransaction(h -> store.describe(h, id, a, c));
        if (!found) return Optional.empty();
        events.publish(ChangeEvent.of("media:" + id));
        return byId(id);
    }

    /**
     * Deletes an image, its copies and their files. Posts that still name it lose their featured image;
     * callers check first ({@code Posts.imageUses}).
     *
     * @return the deleted image, or empty when there was none
     */
    public Optional<Media> delete(long id) {
        Optional<Media> gone = jdbi.inTransaction(h -> {
            Optional<Media> m = store.byId(h, id);
            if (m.isPresent()) store.delete(h, id);
            return m;
        });
        gone.ifPresent(m -> {
            List<String> paths = new ArrayList<>(List.of(m.path()));
            m.variants().forEach(v -> paths.add(v.path()));
            files.delete(paths);
            events.publish(ChangeEvent.of("media:" + id));
        });
        return gone;
    }

    /** Every image, newest first, for pickers (site logo, avatar); empty when there is none. */
    public List<Media> all() {
        return list(0, Integer.MAX_VALUE).items();
    }

    /** Intrinsic size of a local image, so figures get {@code width} and {@code height} (no layout shift). */
    @Override
    public Optional<Size> sizeOf(String src) {
        if (src == null || !src.startsWith("/media/")) return Optional.empty();
        return jdbi.withHandle(h -> store.sizeOf(h, src));
    }

    /** The smaller copies of a local image, narrowest first, for {@code srcset}. */
    @Override
    public List<ImageSizes.Variant> variantsOf(String src) {
        if (src == null || !src.startsWith("/media/")) return List.of();
        return jdbi.withHandle(h -> store.variantsOf(h, src));
    }

    /** The file behind a {@code /media/...} path, or empty when there is none or the path escapes the folder. */
    public Optional<Path> file(String sitePath) {
        return files.file(sitePath);
    }

    /** The sentence for a file over the limit. */
    public static String tooLarge(long bytes) {
        return "This file is " + megabytes(bytes) + "; the limit is " + megabytes(MAX_BYTES) + " a file. Make it smaller and upload it again.";
    }

    // ---- storing

    /** A smaller copy, encoded. */
    private record Rendition(int width, int height, byte[] bytes) {
    }

    private Media store(MediaStore.NewImage row, byte[] bytes, List<Rendition> renditions, ImageFormat copies, boolean replace) {
        String relative = row.path().substring("/media/".length());
        List<Media.Variant> variants = renditions.stream().map(r -> new Media.Variant(
                "/media/" + FileNames.variant(relative, r.width(), copies.extension), r.width(), r.height(), r.bytes().length)).toList();
        long id;
        List<String> stale;
        try (MediaFiles.Batch batch = files.batch()) {
            batch.stage(relative, bytes);
            for (int i = 0; i < renditions.size(); i++) {
                batch.stage(variants.get(i).path().substring("/media/".length()), renditions.get(i).bytes());
            }
            record Stored(long id, List<String> stale) {
            }
            Stored stored = jdbi.inTransaction(h -> {
                long mediaId = replace ? store.upsert(h, row, clock.instant()) : store.insert(h, row, clock.instant());
                List<String> old = store.deleteVariants(h, mediaId);
                for (Media.Variant v : variants) store.insertVariant(h, mediaId, v);
                batch.place();
                return new Stored(mediaId, old);
            });
            batch.commit();
            id = stored.id();
            stale = stored.stale().stream().filter(p -> variants.stream().noneMatch(v -> v.path().equals(p))).toList();
        }
        files.delete(stale);
        events.publish(ChangeEvent.of("media:" + id));
        return byId(id).orElseThrow();
    }

    /** The copies, narrowest first; each is drawn from the next wider one, which is much cheaper than from the original. */
    private static List<Rendition> renditions(BufferedImage picture, ImageFormat format) {
        if (picture == null) return List.of();
        List<Rendition> out = new ArrayList<>();
        BufferedImage source = picture;
        for (int width : VARIANT_WIDTHS.reversed()) {
            if (width >= picture.getWidth()) continue;
            source = Pixels.narrower(source, width);
            out.add(0, new Rendition(source.getWidth(), source.getHeight(), Pixels.encode(source, format)));
        }
        return out;
    }

    /** {@code 2026/11}: the month of the upload, in UTC. */
    private String folder() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        return "%04d/%02d".formatted(now.getYear(), now.getMonthValue());
    }

    private String freeName(String folder, String stem, String extension) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = stem + "-" + FileNames.suffix(random) + "." + extension;
            String path = "/media/" + folder + "/" + name;
            if (!jdbi.withHandle(h -> store.taken(h, path)) && files.file(path).isEmpty()) return name;
        }
        throw new IllegalStateException("no free file name for " + stem + " in " + folder);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) throw new IllegalArgumentException(ImageCleaner.NOT_AN_IMAGE);
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException(ImageCleaner.DAMAGED, e);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return (mb >= 10 || mb == Math.floor(mb) ? String.valueOf(Math.round(mb)) : "%.1f".formatted(mb)) + " MB";
    }
}
