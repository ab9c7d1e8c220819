package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

/** Kioku tells Jetty the references per cache line itself, so Jetty never builds the platform MBean server for it. */
class JettyCacheLineTest {
    private static final long MB = 1024 * 1024;

    @Test
    void compressed_references_fill_a_64_byte_line_16_at_a_time_under_32_gb_of_heap() {
        assertEquals(16, Connectors.referencesPerCacheLine(192 * MB));
        assertEquals(16, Connectors.referencesPerCacheLine(31 * 1024 * MB));
        assertEquals(8, Connectors.referencesPerCacheLine(64 * 1024 * MB));
    }

    @Test
    void the_thread_pool_sets_jettys_setting_and_jetty_reads_the_same_number() {
        Connectors.threadPool(Connectors.blockingThreads());
        assertEquals(String.valueOf(Connectors.referencesPerCacheLine(Runtime.getRuntime().maxMemory())),
                System.getProperty(Connectors.REFERENCES_PER_CACHE_LINE));
        // what Jetty uses: the number it read (or, when an earlier test made Jetty's first pool, the one it asked the
        // JVM for, the same with the test JVM's compressed references)
        assertEquals(MemoryUtils.getReferencesPerCacheLine(), Integer.parseInt(System.getProperty(Connectors.REFERENCES_PER_CACHE_LINE)));
    }

    @Test
    void an_operators_own_value_is_kept() {
        String before = System.getProperty(Connectors.REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(Connectors.REFERENCES_PER_CACHE_LINE, "4");
            Connectors.tellJettyTheCacheLine();
            assertEquals("4", System.getProperty(Connectors.REFERENCES_PER_CACHE_LINE));
        } finally {
            if (before == null) System.clearProperty(Connectors.REFERENCES_PER_CACHE_LINE);
            else System.setProperty(Connectors.REFERENCES_PER_CACHE_LINE, before);
        }
    }
}
