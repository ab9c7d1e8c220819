package dev.kioku.db;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already stands at the newest migration this jar carries, asked cheaply.
 *
 * <p>Why: Flyway's migrate scans the classpath, parses and checksums every script and validates the history
 * before it finds there is nothing to do; that is most of the database's share of a start. When the versions
 * applied successfully are exactly the versions of the bundled {@code V<version>__name.sql} files (and no row
 * failed), there is nothing to apply, so Flyway is not started. Anything else (no history table, a failed row,
 * a missing or extra version, a file name Flyway would read differently) answers "not known to be current" and
 * Flyway runs as before, validation included.
 */
final class Migrations {
    /** {@code V3_1__name.sql} is version "3.1", as Flyway writes it in its history. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:_\\d+)*)__[^/]+\\.sql");

    private Migrations() {
    }

    /** True when {@code pool}'s schema history holds exactly the migrations bundled in {@code folder}. */
    static boolean current(DataSource pool, String folder) {
        Optional<Set<String>> bundled = bundled(folder);
        return bundled.isPresent() && bundled.equals(applied(pool));
    }

    /** The versions of the {@code db/migration/FOLDER/V*__*.sql} on the classpath; empty if none or one is unusual. */
    static Optional<Set<String>> bundled(String folder) {
        String dir = "db/migration/" + folder + "/";
        URL url = Migrations.class.getClassLoader().getResource(dir);
        if (url == null) return Optional.empty();
        try {
            return versions(names(url, dir));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Set<String>> versions(List<String> names) {
        Set<String> versions = new HashSet<>();
        for (String name : names) {
            if (!name.endsWith(".sql")) continue;
            Matcher m = VERSIONED.matcher(name);
            if (!m.matches() || !versions.add(m.group(1).replace('_', '.'))) return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private static List<String> names(URL url, String dir) throws IOException, URISyntaxException {
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        }
        if (!"jar".equals(url.getProtocol())) throw new IOException("cannot list " + url);
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(dir) && n.length() > dir.length() && n.indexOf('/', dir.length()) < 0)
                    .map(n -> n.substring(dir.length())).toList();
        }
    }

    /** The versions applied; empty with no history table or any failed row. */
    private static Optional<Set<String>> applied(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            // asked first so that a new database's server log shows no "relation does not exist" error
            try (ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "flyway_schema_history", null)) {
                if (!tables.next()) return Optional.empty();
            }
            return applied(c);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Optional<Set<String>> applied(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version, success from flyway_schema_history where version is not null")) {
            Set<String> versions = new HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) return Optional.empty();
                versions.add(rs.getString(1));
            }
            return Optional.of(versions);
        }
    }
}
