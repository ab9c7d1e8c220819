package dev.kioku.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;

/**
 * Kioku's logging: one line per event on standard output, INFO and up; the libraries' chatter (Jetty, Javalin,
 * Hikari, Flyway, db-scheduler) only from WARN.
 *
 * <p>Why in code and not a {@code logback.xml}: logback finds this class through {@code META-INF/services}
 * before it looks for a file, and building the appender here skips its XML parser and reflective configuration,
 * a few hundredths of a second of every start. An operator's own file still wins:
 * {@code -Dlogback.configurationFile=FILE} (through {@code KIOKU_JAVA_OPTS}) hands over to logback's usual
 * configuration when the file is there.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    static final List<String> QUIET = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb",
            "com.github.kagkarlsson");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String file = System.getProperty("logback.configurationFile");
        if (file != null) {
            if (found(file)) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
            addWarn("logback.configurationFile " + file + " was not found; Kioku's own logging is used");
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        var out = new ConsoleAppender<ILoggingEvent>();
        out.setContext(context);
        out.setName("OUT");
        out.setEncoder(encoder);
        out.start();
        for (String name : QUIET) context.getLogger(name).setLevel(Level.WARN);
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(out);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether logback will find the operator's file, searched as logback does (a URL, a class path resource, a
     * file). Handed a name it cannot find, logback would fall back to logging everything from DEBUG, request
     * headers and cookies included.
     */
    private static boolean found(String file) {
        try {
            URI.create(file).toURL();
            return true;
        } catch (IllegalArgumentException | MalformedURLException notAUrl) {
            // a class path resource or a file
        }
        try {
            return LogSetup.class.getClassLoader().getResource(file) != null || Files.isRegularFile(Path.of(file));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }
}
