package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.config.Config;
import dev.kioku.db.Database;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kioku migrate}: brings the database schema up to date and says what it did. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations.")
public final class MigrateCommand implements Runnable {
    @Mixin
    StoreOptions store;

    @Override
    public void run() {
        Config config = store.load(Map.of());
        if (!config.postgres()) App.prepareDataDir(config);
        try (Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            int applied = db.migrate();
            System.out.println(applied == 0 ? "Database is up to date." : "Applied " + applied + " migration(s).");
        }
    }
}
