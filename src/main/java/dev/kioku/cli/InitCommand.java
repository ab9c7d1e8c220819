package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.config.Config;
import java.io.Console;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kioku init}: creates the data folder and database and the owner account, from flags or, on a
 * terminal, by asking. Running it again on an initialised blog changes nothing and says so.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create the data folder, the database and the owner account.")
public final class InitCommand implements Runnable {
    @Mixin
    StoreOptions store;

    @Option(names = "--email", paramLabel = "E", description = "Owner's email (asked for when missing).")
    String email;

    @Option(names = "--name", paramLabel = "N", description = "Owner's display name (asked for when missing).")
    String name;

    @Option(names = "--password-stdin", description = "Read the owner's password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public void run() {
        Config config = store.load(Map.of());
        try (App app = new App(config, Clock.systemUTC())) {
            var owner = app.authors().ownerEmail();
            if (owner.isPresent()) {
                System.out.println("Already initialised: " + config.dataDir() + ", owner " + owner.get() + ".");
                return;
            }
            Console console = System.console();
            String e = email != null ? email : ask(console, "Owner email: ");
            String n = name != null ? name : ask(console, "Display name: ");
            char[] password = passwordStdin ? Stdin.password() : askPassword(console);
            app.authors().create(new NewAuthor(e, n, Role.OWNER, password, "", null, null, List.of()));
            System.out.println("Initialised " + config.dataDir() + " with owner " + e + ". Start the blog with: kioku serve");
        }
    }

    private static String ask(Console console, String prompt) {
        if (console == null) throw new IllegalArgumentException("missing " + prompt.replace(": ", "").toLowerCase()
                + " (give --email and --name, or run on a terminal to be asked)");
        return console.readLine(prompt);
    }

    private static char[] askPassword(Console console) {
        if (console == null) throw new IllegalArgumentException("missing password (give --password-stdin, or run on a terminal to be asked)");
        char[] first = console.readPassword("Password (8 characters or more): ");
        char[] again = console.readPassword("Password again: ");
        if (first == null || !java.util.Arrays.equals(first, again)) throw new IllegalArgumentException("the two passwords differ");
        return first;
    }
}
