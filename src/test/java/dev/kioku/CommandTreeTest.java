package dev.kioku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

/** Picocli reads only the command a command line names; anything else gets every command. */
class CommandTreeTest {
    private static final List<String> ALL = List.copyOf(Main.COMMANDS.keySet());

    @Test
    void every_command_is_listed_under_the_name_its_annotation_gives() {
        Main.COMMANDS.forEach((name, type) -> assertEquals(name, type.getAnnotation(Command.class).name(), type::getName));
        assertEquals(List.of("serve", "init", "migrate", "user", "import", "demo", "export", "mail", "version", "aot-train", "help"), ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "init", "migrate", "user", "import", "demo", "export", "mail", "version", "aot-train"})
    void a_command_line_naming_a_command_reads_that_command_alone(String command) {
        assertEquals(List.of(command), List.copyOf(Main.commandLine(command, "--data", "x").getSubcommands().keySet()));
    }

    @Test
    void a_subcommand_keeps_its_own_subcommands() {
        assertEquals(List.of("add", "reset-password"), List.copyOf(Main.commandLine("user", "add").getSubcommands().get("user")
                .getSubcommands().keySet()));
    }

    @Test
    void help_no_command_options_first_or_an_unknown_name_read_every_command() {
        for (String[] args : List.of(new String[0], new String[]{"help", "serve"}, new String[]{"--help"},
                new String[]{"serv"}, new String[]{"SERVE"}, new String[]{"--", "serve"})) {
            assertEquals(ALL, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), () -> String.join(" ", args));
        }
    }
}
