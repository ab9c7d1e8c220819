package dev.kioku.cli;

import dev.kioku.config.Config;
import dev.kioku.config.ConfigException;
import dev.kioku.db.Database;
import java.io.IOException;
import java.nio.file.Files;
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
        createDataDir(config);
        try (Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            int applied = db.migrate();
            System.out.println(applied == 0 ? "Database is up to date." : "Applied " + applied + " migration(s).");
        }
    }

    /** Like init and serve: on a fresh install the default SQLite file lives in a folder not made yet. */
    private static void createDataDir(Config config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new ConfigException("data", "cannot create folder " + config.dataDir() + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
