package dev.kioku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether the start-up cache the launcher named was mapped by the JVM. */
class StartupCacheTest {
    @Test
    void no_cache_asked_for_is_never_reported() {
        assertEquals(Optional.empty(), StartupCache.unused(null, "mixed mode"));
        assertEquals(Optional.empty(), StartupCache.unused("", "mixed mode"));
    }

    @Test
    void a_mapped_cache_shows_as_sharing() {
        assertEquals(Optional.empty(), StartupCache.unused("/k/target/kioku-a-b.aot", "mixed mode, sharing"));
    }

    @Test
    void a_cache_the_jvm_dropped_is_reported() {
        assertEquals(Optional.of(Path.of("/k/target/kioku-a-b.aot")), StartupCache.unused("/k/target/kioku-a-b.aot", "mixed mode"));
    }
}
