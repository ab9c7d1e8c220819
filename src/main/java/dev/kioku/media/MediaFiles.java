package dev.kioku.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media folder on disk ({@code data/media}). Files are never written in place: each is written whole
 * into {@code data/media/.staging}, flushed to disk, and only then renamed into place (an atomic rename
 * on one file system), so a reader or a crash never sees half an image. A {@link Batch} moves the files
 * of one upload together and removes them all again if anything after the first byte fails.
 */
final class MediaFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);
    /** Staging files older than this at start-up were left by a crash (no upload takes this long). */
    private static final Duration ABANDONED = Duration.ofHours(1);

    /** Renames a staged file into place; tests swap it for one that fails. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static final Mover ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private final Path root;
    private final Path staging;
    private final Mover mover;

    MediaFiles(Path root, Mover mover) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(".staging");
        this.mover = mover;
    }

    /** The file behind a {@code /media/...} path, or empty when there is none, it is hidden, or the path escapes the folder. */
    Optional<Path> file(String sitePath) {
        if (sitePath == null || !sitePath.startsWith("/media/") || sitePath.contains("/.")) return Optional.empty();
        Path p = root.resolve(sitePath.substring("/media/".length())).normalize();
        if (!p.startsWith(root) || p.startsWith(staging) || !Files.isRegularFile(p)) return Optional.empty();
        return Optional.of(p);
    }

    /** Deletes the files behind these site paths; a file that cannot be deleted is logged and left. */
    void delete(List<String> sitePaths) {
        for (String sitePath : sitePaths) {
            Path p = root.resolve(sitePath.substring("/media/".length())).normalize();
            if (!p.startsWith(root)) continue;
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", p, e.toString());
            }
        }
    }

    /** Removes staging files a crash left behind, except recent ones another node may still be writing. */
    void sweep(Clock clock) {
        if (!Files.isDirectory(staging)) return;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(p).toInstant().plus(ABANDONED).isBefore(clock.instant())) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", staging, e.toString());
        }
    }

    Batch batch() {
        return new Batch();
    }

    /** The files of one upload: staged, then placed together, or removed together. */
    final class Batch implements AutoCloseable {
        private record Staged(Path temp, Path target, boolean replaces) {
        }

        private final List<Staged> staged = new ArrayList<>();
        private final List<Path> placed = new ArrayList<>();
        private boolean done;

        /** Writes {@code bytes} to a staging file that {@link #place} will move to {@code /media/<relative>}. */
        void stage(String relative, byte[] bytes) {
            Path target = root.resolve(relative).normalize();
            if (!target.startsWith(root) || target.startsWith(staging)) throw new IllegalArgumentException("unsafe media path " + relative);
            try {
                Files.createDirectories(staging);
                Path temp = Files.createTempFile(staging, "upload-", ".tmp");
                staged.add(new Staged(temp, target, Files.exists(target)));
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) ch.write(buffer);
                    ch.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        }

        /** Moves every staged file into place. */
        void place() {
            try {
                for (Staged s : staged) {
                    Files.createDirectories(s.target().getParent());
                    mover.move(s.temp(), s.target());
                    if (!s.replaces()) placed.add(s.target());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move an upload into " + root, e);
            }
        }

        /** Keeps the placed files: the upload is recorded. */
        void commit() {
            done = true;
        }

        /** Without {@link #commit}: deletes staged and newly placed files, so a failure leaves nothing behind. */
        @Override
        public void close() {
            if (done) return;
            for (Staged s : staged) deleteQuietly(s.temp());
            for (Path p : placed) deleteQuietly(p);
        }

        private void deleteQuietly(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("cannot remove {} after a failed upload: {}", p, e.toString());
            }
        }
    }
}
