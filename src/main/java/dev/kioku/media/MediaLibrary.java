package dev.kioku.media;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.ImageSizes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;

/**
 * Images kept in the data folder ({@code data/media/...}) with a row each for size, alt text and caption.
 * Files are written to a temporary name and moved into place, so a crash leaves no half-written image.
 * Replacing an image publishes {@code media:ID}; figure sizes already rendered into posts are not redone.
 */
public final class MediaLibrary implements ImageSizes {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");
    private final Jdbi jdbi;
    private final Path root;
    private final Clock clock;
    private final EventBus events;

    public MediaLibrary(Jdbi jdbi, Path dataDir, EventBus events, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.root = dataDir.resolve("media").toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * Stores an image under {@code /media/<folder>/<name>}.
     *
     * @throws IllegalArgumentException when the bytes are not an image or a name is unsafe
     */
    public Media add(String folder, String name, byte[] bytes, String alt, String caption) {
        if (!SAFE_NAME.matcher(folder).matches() || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("media names are lowercase letters, digits, dot, dash and underscore");
        }
        BufferedImage image = decode(bytes);
        String mime = Media.mimeOf(name);
        Path dir = root.resolve(folder);
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target, e);
        }
        String path = "/media/" + folder + "/" + name;
        long id = jdbi.withHandle(h -> h.createQuery("""
                insert into media (path, mime, width, height, bytes, alt, caption, created_at)
                values (:path, :mime, :w, :h, :bytes, :alt, :caption, :now)
                on conflict (path) do update set width = excluded.width, height = excluded.height,
                    bytes = excluded.bytes, alt = excluded.alt, caption = excluded.caption
                returning id""")
                .bind("path", path).bind("mime", mime).bind("w", image.getWidth()).bind("h", image.getHeight())
                .bind("bytes", (long) bytes.length).bind("alt", alt == null ? "" : alt)
                .bind("caption", caption == null ? "" : caption).bind("now", clock.instant())
                .mapTo(Long.class).one());
        events.publish(ChangeEvent.of("media:" + id));
        return new Media(id, path, mime, image.getWidth(), image.getHeight(), alt == null ? "" : alt,
                caption == null ? "" : caption);
    }

    /** The image with this id, or empty. */
    public Optional<Media> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select id, path, mime, width, height, alt, caption from media where id = :id")
                .bind("id", id).map((rs, ctx) -> new Media(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7))).findOne());
    }

    /** Every image in the library, newest first; empty when there is none. */
    public java.util.List<Media> images() {
        return jdbi.withHandle(h -> h.createQuery("select id, path, mime, width, height, alt, caption from media order by id desc")
                .map((rs, ctx) -> new Media(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7))).list());
    }

    /** Intrinsic size of a local image, so figures get {@code width} and {@code height} (no layout shift). */
    @Override
    public Optional<Size> sizeOf(String src) {
        if (src == null || !src.startsWith("/media/")) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("select width, height from media where path = :path").bind("path", src)
                .map((rs, ctx) -> new Size(rs.getInt(1), rs.getInt(2))).findOne());
    }

    /** The file behind a {@code /media/...} path, or empty when there is none or the path escapes the folder. */
    public Optional<Path> file(String sitePath) {
        if (!sitePath.startsWith("/media/")) return Optional.empty();
        Path p = root.resolve(sitePath.substring("/media/".length())).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) return Optional.empty();
        return Optional.of(p);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) throw new IllegalArgumentException("the file is not an image Kioku can read");
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("the file is not a readable image: " + e.getMessage());
        }
    }
}
