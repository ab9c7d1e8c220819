package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting an operator can fix ends the command with exit code 2 and one line on stderr, no stack trace.
 * Only failing cases of {@code serve} run here: on success it serves until the process ends.
 */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    @Test
    void serve_with_a_port_that_is_not_a_number_prints_one_line_naming_the_port_and_the_flag() {
        CommandRun run = kioku("serve", "--port", "eighty", "--data", dir.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'port': must be a number from 0 to 65535, got 'eighty' (from --port)"),
                run.errLines());
    }

    @Test
    void serve_with_a_database_url_that_is_not_jdbc_prints_one_line_naming_the_database() {
        CommandRun run = kioku("serve", "--db", "mysql://nope", "--data", dir.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'db': must be a jdbc:sqlite: or jdbc:postgresql: URL, got 'mysql://nope'"),
                run.errLines());
    }

    @Test
    void migrate_with_a_missing_config_file_prints_one_line_naming_the_file() {
        Path missing = dir.resolve("missing.properties");

        CommandRun run = kioku("migrate", "--config", missing.toString(), "--data", dir.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: invalid setting 'config': no such file: " + missing), run.errLines());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serve_on_a_port_already_in_use_prints_one_line_naming_the_port() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CommandRun run = kioku("serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--data", dir.toString(), "--no-demo");

            assertEquals(2, run.exit(), run::toString);
            assertEquals(List.of("kioku: invalid setting 'port': cannot listen on 127.0.0.1:" + port
                    + " (address in use)"), run.errLines());
        }
    }
}
