package dev.kioku;

import dev.kioku.cli.AotTrainCommand;
import dev.kioku.cli.DemoCommand;
import dev.kioku.cli.ExportCommand;
import dev.kioku.cli.ImportCommand;
import dev.kioku.cli.InitCommand;
import dev.kioku.cli.MailCommand;
import dev.kioku.cli.MigrateCommand;
import dev.kioku.cli.ServeCommand;
import dev.kioku.cli.UserCommand;
import dev.kioku.cli.VersionCommand;
import dev.kioku.config.ConfigException;
import dev.kioku.db.DatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kioku} command line. Errors an operator can fix print one line and exit 2. */
@Command(name = "kioku", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "A self-hosted blog engine in one jar.",
        subcommands = {ServeCommand.class, InitCommand.class, MigrateCommand.class, UserCommand.class, ImportCommand.class, DemoCommand.class, ExportCommand.class, MailCommand.class, VersionCommand.class,
                AotTrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof DatabaseException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("kioku: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
