package dev.kioku;

import dev.kioku.cli.AotTrainCommand;
import dev.kioku.cli.DemoCommand;
import dev.kioku.cli.ExportCommand;
import dev.kioku.cli.ImportCommand;
import dev.kioku.cli.InitCommand;
import dev.kioku.cli.MailCommand;
import dev.kioku.cli.MigrateCommand;
import dev.kioku.cli.NativeLibrary;
import dev.kioku.cli.PlainCommandLine;
import dev.kioku.cli.ServeCommand;
import dev.kioku.cli.UserCommand;
import dev.kioku.cli.VersionCommand;
import dev.kioku.config.ConfigException;
import dev.kioku.db.DatabaseException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code kioku} command line. Errors an operator can fix print one line and exit 2.
 *
 * <p>Why the commands are not listed in {@code @Command(subcommands = ...)}: picocli reads every annotated
 * command, option and mixin of the tree by reflection before it parses anything, and its classes cannot go in
 * the JVM's start-up cache (they are Java 5 class files), so the whole tree cost a quarter of a second of every
 * {@code kioku serve}. A command line naming a command ({@code kioku serve --port 80}) gets a tree with that
 * command alone; anything else ({@code kioku}, {@code --help}, {@code help serve}, a mistyped name) gets all of
 * them, so usage, suggestions and errors read exactly as with the whole tree. A command line of plain long options
 * ({@code kioku serve --data /srv/blog --port 8080}) does not build picocli's model at all: {@link PlainCommandLine}
 * sets the command's fields from its own annotations, and anything it does not read exactly as picocli would goes to
 * picocli.
 */
@Command(name = "kioku", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "A self-hosted blog engine in one jar.")
public final class Main implements Runnable {
    /** Every command by name, in the order {@code kioku --help} lists them. */
    static final Map<String, Class<?>> COMMANDS = commands();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        NativeLibrary.useKeptCopy();
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        Optional<Runnable> plain = named == null ? Optional.empty() : PlainCommandLine.parse(named, List.of(args).subList(1, args.length));
        if (plain.isPresent()) return execute(plain.get());
        CommandLine cli = commandLine(args);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd.getErr()));
        return cli.execute(args);
    }

    /** Runs a command {@link PlainCommandLine} has set up, ending as picocli's {@code execute} would. */
    private static int execute(Runnable command) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            command.run();
            return 0;
        } catch (Exception e) {
            try {
                return handle(e, err);
            } catch (Exception unexpected) {
                unexpected.printStackTrace(err);
                return 1;
            }
        }
    }

    /** One line and exit code 2 for the errors an operator can fix; anything else is thrown on. */
    private static int handle(Exception e, PrintWriter err) throws Exception {
        if (e instanceof ConfigException || e instanceof DatabaseException || e instanceof IllegalArgumentException) {
            err.println("kioku: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    /** The command tree for {@code args}: only the command named first when there is one, else all of them. */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named);
        } else {
            COMMANDS.values().forEach(cli::addSubcommand);
        }
        return cli;
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand.class);
        commands.put("init", InitCommand.class);
        commands.put("migrate", MigrateCommand.class);
        commands.put("user", UserCommand.class);
        commands.put("import", ImportCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("export", ExportCommand.class);
        commands.put("mail", MailCommand.class);
        commands.put("version", VersionCommand.class);
        commands.put("aot-train", AotTrainCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
