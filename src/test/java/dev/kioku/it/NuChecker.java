package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Nu HTML checker (npm vnu-jar, installed into target/tools by the build), run as its own process. */
final class NuChecker {
    private NuChecker() {
    }

    /** The checker's errors on {@code files}, one per line in its "gnu" format; empty when all are valid. */
    static String errors(List<String> files) throws IOException, InterruptedException {
        Path vnu = Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/vnu-jar/build/dist/vnu.jar");
        assertTrue(Files.isRegularFile(vnu), "the Nu checker is installed by the build (src/test/tools/install-tools.sh): " + vnu);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", vnu.toString(), "--errors-only", "--format", "gnu"));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the Nu checker finished");
        return out.strip();
    }
}
