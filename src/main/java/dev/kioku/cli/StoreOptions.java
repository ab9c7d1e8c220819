package dev.kioku.cli;

import dev.kioku.config.Config;
import dev.kioku.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the blog's data lives; shared by every command that opens the database. */
public final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (SQLite file, media). Env KIOKU_DATA. Default: ./data")
    String data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database URL, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB. Env KIOKU_DB_URL. Default: SQLite in the data folder")
    String db;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (host, port, data, db.url, db.user, db.password, base-url, smtp.host, smtp.port, smtp.user, smtp.password, smtp.tls, smtp.from, trust-proxy, https-port, tls.cert, tls.key, tls.keystore, tls.keystore-password). Env KIOKU_CONFIG. Default: ./kioku.properties if present")
    Path config;

    /** Loads the config with these flags (plus {@code extra} flags) over environment, file and defaults. */
    Config load(Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(extra);
        if (data != null) flags.put("data", data);
        if (db != null) flags.put("db.url", db);
        return new ConfigLoader(System.getenv()).load(flags, config);
    }
}
