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
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void an_operators_configuration_file_is_left_to_logback(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        LoggerContext context = new LoggerContext();

        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configureWith(file.toString(), context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT"));
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configureWith(file.toUri().toString(), new LoggerContext()));
    }

    /** Logback itself, not finding the file, would log everything from DEBUG (Jetty's request headers among it). */
    @Test
    void a_configuration_file_that_is_not_there_keeps_kiokus_logging_and_says_so(@TempDir Path dir) {
        String missing = dir.resolve("logbak.xml").toString();
        LoggerContext context = new LoggerContext();

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configureWith(missing, context));

        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel());
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream()
                .anyMatch(s -> s.getLevel() == Status.WARN && s.getMessage().contains(missing)), "a warning names the file");
    }

    private static Configurator.ExecutionStatus configureWith(String file, LoggerContext context) {
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        System.setProperty("logback.configurationFile", file);
        try {
            return setup.configure(context);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
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
