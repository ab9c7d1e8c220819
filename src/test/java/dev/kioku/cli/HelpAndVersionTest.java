package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --help} on every command shows its usage and options; {@code version} names the program. */
class HelpAndVersionTest {

    @Test
    void help_lists_every_command() {
        CommandRun run = kioku("--help");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Usage: kioku "), run::toString);
        for (String command : List.of("serve", "init", "migrate", "version")) {
            assertTrue(run.outLines().stream().anyMatch(l -> l.strip().startsWith(command + " ")), () -> command + "\n" + run);
        }
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            serve   | --port --host --data --db --config --trust-proxy --no-demo
            init    | --email --name --password-stdin --data --db --config
            migrate | --data --db --config
            version | --help --version
            """)
    void help_on_a_command_shows_its_usage_and_options(String command, String options) {
        CommandRun run = kioku(command, "--help");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Usage: kioku " + command), run::toString);
        for (String option : options.split(" ")) {
            assertTrue(run.out().contains(option), () -> option + "\n" + run);
        }
        assertEquals("", run.err());
    }

    @Test
    void no_command_prints_the_same_usage_as_help() {
        CommandRun run = kioku();

        assertEquals(0, run.exit(), run::toString);
        assertEquals(kioku("--help").out(), run.out());
    }

    @Test
    void the_help_command_shows_a_commands_usage() {
        CommandRun run = kioku("help", "serve");

        assertEquals(0, run.exit(), run::toString);
        assertEquals(kioku("serve", "--help").out(), run.out());
        assertTrue(run.out().startsWith("Usage: kioku serve "), run::toString);
    }

    @Test
    void a_mistyped_command_is_refused_with_the_commands_it_may_mean() {
        CommandRun run = kioku("serv");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("Unmatched argument at index 0: 'serv'", "Did you mean: kioku serve or kioku user or kioku version?"),
                run.errLines().subList(0, 2));
    }

    @Test
    void an_unknown_option_of_a_command_is_refused_with_that_commands_options() {
        CommandRun run = kioku("serve", "--nope");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("Unknown option: '--nope'", "Possible solutions: --no-demo"), run.errLines());
    }

    @Test
    void version_prints_one_line_naming_kioku_and_java() {
        CommandRun run = kioku("version");

        assertEquals(0, run.exit(), run::toString);
        assertEquals(1, run.outLines().size(), run::toString);
        assertTrue(run.out().matches("kioku \\S+ " + Pattern.quote("(Java " + Runtime.version() + ")") + "\\R"), run::toString);
    }

    @Test
    void the_version_flag_prints_the_same_line() {
        assertEquals(kioku("version").out(), kioku("--version").out());
    }
}
