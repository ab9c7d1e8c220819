package dev.kioku.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is written once to the launcher's folder and loaded from there on every start. */
class NativeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void the_first_use_writes_the_jars_library_and_later_ones_leave_it_alone() throws Exception {
        Path kept = dir.resolve("kioku-abc.native");

        Path lib = NativeLibrary.keep(kept).orElseThrow();

        assertEquals(kept.resolve(System.mapLibraryName("sqlitejdbc")), lib);
        assertArrayEquals(bundled(), Files.readAllBytes(lib));
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib, written);
        assertEquals(Optional.of(lib), NativeLibrary.keep(kept));
        assertEquals(written, Files.getLastModifiedTime(lib));
        try (var files = Files.list(kept)) {
            assertEquals(List.of(lib), files.toList(), "no temporary file left");
        }
    }

    @Test
    void a_folder_that_cannot_be_written_keeps_nothing() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        assertEquals(Optional.empty(), NativeLibrary.keep(file.resolve("kioku-abc.native")));
    }

    @Test
    void a_command_opens_sqlite_from_the_kept_copy_without_extracting_one() throws Exception {
        // sqlite-jdbc cannot extract into a temporary folder that is a file: only the kept copy can open the database
        Path noTemp = Files.writeString(dir.resolve("no-temp"), "");
        Path kept = dir.resolve("kioku-abc.native");

        Result without = migrate(List.of("-Dorg.sqlite.tmpdir=" + noTemp), dir.resolve("data1"));
        Result with = migrate(List.of("-Dorg.sqlite.tmpdir=" + noTemp, "-D" + NativeLibrary.PROPERTY + "=" + kept), dir.resolve("data2"));
        Result again = migrate(List.of("-Dorg.sqlite.tmpdir=" + noTemp, "-D" + NativeLibrary.PROPERTY + "=" + kept), dir.resolve("data3"));

        assertEquals(2, without.exit(), without.output());
        assertTrue(without.output().contains("No native library found"), without.output());
        assertEquals(0, with.exit(), with.output());
        assertTrue(with.output().contains("Applied "), with.output());
        assertTrue(Files.isRegularFile(kept.resolve(System.mapLibraryName("sqlitejdbc"))));
        assertEquals(0, again.exit(), again.output());
    }

    private static byte[] bundled() throws Exception {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private record Result(int exit, String output) {
    }

    /** {@code kioku migrate} in a JVM of its own (the library loads once per JVM), with {@code jvmOptions}. */
    private static Result migrate(List<String> jvmOptions, Path data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("dev.kioku.Main", "migrate", "--data", data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
