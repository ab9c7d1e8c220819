package dev.kioku.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging is set up in code: one line per event on standard output, libraries from WARN, an operator's file wins. */
class LogSetupTest {
    @Test
    void logs_info_and_up_to_standard_output_and_libraries_from_warn() {
        LoggerContext context = new LoggerContext();

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new LogSetup().configure(context));

        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        var out = assertInstanceOf(ConsoleAppender.class, root.getAppender("OUT"));
        assertTrue(out.isStarted());
        assertEquals("System.out", out.getTarget());
        assertEquals("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n", ((PatternLayoutEncoder) out.getEncoder()).getPattern());
        for (String library : LogSetup.QUIET) assertEquals(Level.WARN, context.getLogger(library).getLevel(), library);
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.kioku.cli.ServeCommand").getEffectiveLevel());
    }

    @Test
    void an_operators_configuration_file_is_left_to_logback() {
        LoggerContext context = new LoggerContext();
        System.setProperty("logback.configurationFile", "/etc/kioku/logback.xml");
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(context));
        } finally {
            System.clearProperty("logback.configurationFile");
        }
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT"));
    }

    @Test
    void logback_finds_it_and_uses_it() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == LogSetup.class));
        var running = (LoggerContext) LoggerFactory.getILoggerFactory();
        var statuses = running.getStatusManager().getCopyOfStatusList().stream().map(s -> s.getMessage()).toList();
        assertTrue(statuses.stream().anyMatch(m -> m.contains("LogSetup.configure()") && m.contains("DO_NOT_INVOKE_NEXT_IF_ANY")),
                statuses::toString);
        assertTrue(statuses.stream().noneMatch(m -> m.contains("logback.xml")), () -> "no file was read: " + statuses);
        assertInstanceOf(ConsoleAppender.class, running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT"));
        assertEquals(Level.WARN, running.getLogger("com.zaxxer.hikari").getLevel());
    }
}
