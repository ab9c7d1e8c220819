package dev.kioku.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * SQLite's native library, kept in the folder the launcher names ({@code -Dkioku.native-dir=DIR}) instead of
 * extracted again on every start.
 *
 * <p>Why: on its own, sqlite-jdbc copies its 1 MB library out of the jar into a new temporary file at each start
 * and reads both back to compare their MD5 sums, a tenth of a second before the first page. The launcher names a
 * folder keyed like the start-up cache (the jar's checksum, the JDK and its options), so a copy there always
 * comes from this very jar; the first start writes it (atomically: a half-written file is never loaded), later
 * ones only point sqlite-jdbc at it. Without the property, or when the copy cannot be written, sqlite-jdbc does
 * as it always did, and it falls back to its own copy too if the kept one will not load.
 */
public final class NativeLibrary {
    static final String PROPERTY = "kioku.native-dir";
    private static final String NAME = System.mapLibraryName("sqlitejdbc");

    private NativeLibrary() {
    }

    /** Points sqlite-jdbc at the kept copy in the launcher's folder (writing it first if needed); else does nothing. */
    public static void useKeptCopy() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank() || System.getProperty("org.sqlite.lib.path") != null) return;
        keep(Path.of(dir)).ifPresent(lib -> {
            System.setProperty("org.sqlite.lib.path", lib.getParent().toString());
            System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
        });
    }

    /**
     * The library in {@code dir}, copied there from the jar if it is not there yet.
     *
     * @return empty when the jar holds no library for this platform or {@code dir} cannot be written
     */
    static Optional<Path> keep(Path dir) {
        Path lib = dir.resolve(NAME);
        if (Files.isRegularFile(lib)) return Optional.of(lib);
        try {
            String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME;
            try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                if (in == null) return Optional.empty();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, NAME, ".tmp");
                try {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
