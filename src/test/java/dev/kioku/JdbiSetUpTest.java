package dev.kioku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * App has a second thread initialise the Jdbi class that sets JDK Flight Recorder up at start-up. A Jdbi upgrade that
 * renames or drops it fails here instead of quietly putting that work back on the main thread of every start.
 */
class JdbiSetUpTest {
    @Test
    void the_class_app_initialises_early_is_jdbis_flight_recorder_support() throws Exception {
        Class<?> support = Class.forName(App.JDBI_JFR_SUPPORT);
        assertEquals(boolean.class, support.getMethod("isFlightRecorderAvailable").getReturnType());
    }
}
