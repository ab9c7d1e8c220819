package dev.kioku.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's start-up (AOT) cache as the launcher hands it over: {@code -XX:AOTCache=FILE -Dkioku.aot-cache=FILE}.
 *
 * <p>Why a check here: the JVM drops a cache it cannot use (another JDK, another jar, a damaged file) and starts
 * without it, silently when the launcher turns its warnings off. Kioku then says so in one line, removes the
 * file and leaves {@code FILE.failed} beside it, which tells the launcher not to make it again for this build
 * (a new build, JDK or set of options gets a cache of its own).
 */
final class StartupCache {
    static final String PROPERTY = "kioku.aot-cache";
    private static final Logger LOG = LoggerFactory.getLogger(StartupCache.class);

    private StartupCache() {
    }

    /**
     * The cache the launcher asked for that the JVM did not map, or empty when none was asked for or it is in use.
     *
     * @param requested the {@value #PROPERTY} system property (null when the launcher passed none)
     * @param vmInfo    the {@code java.vm.info} property: it reads "..., sharing" while a class archive is mapped
     */
    static Optional<Path> unused(String requested, String vmInfo) {
        if (requested == null || requested.isBlank()) return Optional.empty();
        if (vmInfo != null && vmInfo.contains("sharing")) return Optional.empty();
        return Optional.of(Path.of(requested));
    }

    /** True when the launcher named a cache and the JVM mapped it. */
    static boolean inUse() {
        String requested = System.getProperty(PROPERTY);
        return requested != null && !requested.isBlank() && unused(requested, System.getProperty("java.vm.info")).isEmpty();
    }

    /** Logs (once) and deletes a cache the JVM could not use, leaving the {@code .failed} marker. */
    static void checkInUse() {
        unused(System.getProperty(PROPERTY), System.getProperty("java.vm.info")).ifPresent(file -> {
            LOG.warn("the start-up cache {} could not be used (damaged, or made by another JDK or jar); started without it", file);
            try {
                Files.deleteIfExists(file);
                Files.writeString(file.resolveSibling(file.getFileName() + ".failed"), "the JVM did not map this cache\n");
            } catch (IOException e) {
                LOG.warn("cannot remove {} ({})", file, e.getClass().getSimpleName());
            }
        });
    }
}
