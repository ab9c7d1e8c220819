package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.authors.Staff;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kioku user add|reset-password}: staff accounts from scripts, passwords always on standard input. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ResetPassword.class})
public final class UserCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code kioku user add --email E --name N --role R --password-stdin}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a staff account.")
    static final class Add implements Runnable {
        @Mixin
        StoreOptions store;

        @Option(names = "--email", paramLabel = "E", required = true, description = "Email, used to sign in.")
        String email;

        @Option(names = "--name", paramLabel = "N", required = true, description = "Display name.")
        String name;

        @Option(names = "--role", paramLabel = "R", required = true, description = "owner, editor, author or contributor.")
        String role;

        @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public void run() {
            Role r = Role.parse(role);
            char[] password = Stdin.password();
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                var created = app.authors().create(new NewAuthor(email, name, r, password, "", null, null, List.of()));
                System.out.println("Added " + r.label().toLowerCase() + " " + email.toLowerCase() + " (" + created.displayName() + ").");
            }
        }
    }

    /** {@code kioku user reset-password --email E --password-stdin}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Set a new password and sign the account out everywhere.")
    static final class ResetPassword implements Runnable {
        @Mixin
        StoreOptions store;

        @Option(names = "--email", paramLabel = "E", required = true, description = "Email of the account.")
        String email;

        @Option(names = "--password-stdin", required = true, description = "Read the new password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public void run() {
            char[] password = Stdin.password();
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                Staff s = app.authors().resetPassword(email, password);
                app.sessions().endAllOf(s.id(), null);
                System.out.println("New password set for " + s.email() + "; their sessions were ended.");
            }
        }
    }
}
