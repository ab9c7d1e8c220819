package dev.kioku.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A database already at the newest bundled migration starts without Flyway; one behind is still migrated. */
@ParameterizedClass
@EnumSource(Engine.class)
class SkippedMigrationTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void a_database_at_the_newest_version_is_not_handed_to_flyway() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            db.migrate();
            // Flyway's validation would refuse this history (checksum mismatch); skipping it never reads the checksums
            db.jdbi().useHandle(h -> h.execute("update flyway_schema_history set checksum = 12345 where version = '1'"));

            assertEquals(0, db.migrate());
            assertTrue(Migrations.current(db.dataSource(), engine.folder()));
        }
    }

    @Test
    void a_database_one_version_behind_is_migrated() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            List<MigrationVersion> versions = java.util.Arrays.stream(flyway(db).load().info().all()).map(MigrationInfo::getVersion)
                    .sorted().toList();
            String newest = versions.getLast().getVersion();
            flyway(db).target(versions.get(versions.size() - 2)).load().migrate();
            assertEquals(false, Migrations.current(db.dataSource(), engine.folder()));

            assertEquals(1, db.migrate());

            assertEquals(newest, db.jdbi().withHandle(h -> h.createQuery(
                    "select version from flyway_schema_history where installed_rank = (select max(installed_rank) from flyway_schema_history)")
                    .mapTo(String.class).one()));
            assertTrue(Migrations.current(db.dataSource(), engine.folder()));
        }
    }

    @Test
    void a_failed_migration_in_the_history_goes_to_flyway() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            db.migrate();
            db.jdbi().useHandle(h -> h.execute("update flyway_schema_history set success = false where version = '1'"));

            assertEquals(false, Migrations.current(db.dataSource(), engine.folder()));
            assertThrows(DatabaseException.class, db::migrate, "Flyway reports the failed migration");
        }
    }

    @Test
    void a_new_database_is_not_current() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            assertEquals(false, Migrations.current(db.dataSource(), engine.folder()));
            assertEquals(TestDatabases.migrationCount(engine), db.migrate());
        }
    }

    @Test
    void bundled_versions_are_read_from_the_file_names_as_flyway_reads_them() {
        assertEquals(TestDatabases.migrationCount(engine), Migrations.bundled(engine.folder()).orElseThrow().size());
        assertEquals(Optional.of(Set.of("2", "2.1", "12")), Migrations.versions(List.of("V2__b.sql", "V12__l.sql", "V2_1__i.sql", "README.txt")));
        assertEquals(Optional.empty(), Migrations.versions(List.of("V2__b.sql", "R__view.sql")), "a repeatable goes to Flyway");
        assertEquals(Optional.empty(), Migrations.versions(List.of("V2__b.sql", "V2__again.sql")), "so does a version twice");
        assertEquals(Optional.empty(), Migrations.versions(List.of()));
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(Database db) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/" + engine.folder());
    }
}
