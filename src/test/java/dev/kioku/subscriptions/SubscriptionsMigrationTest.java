package dev.kioku.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kioku.db.Database;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V10 on a blog that already has posts and comment-form requests: the requests become pending subscribers
 * (they get nothing until they subscribe again and confirm), and posts already public are never announced.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SubscriptionsMigrationTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void earlier_requests_become_pending_and_public_posts_are_marked_as_never_to_be_mailed() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            var config = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/" + engine.folder());
            // the newest migration before V10, whichever number it has
            MigrationVersion before = java.util.Arrays.stream(config.load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(MigrationVersion.fromVersion("10")) < 0).max(MigrationVersion::compareTo).orElseThrow();
            config.target(before).load().migrate();
            db.jdbi().useHandle(h -> {
                h.execute("insert into users (email, role, display_name, slug, created_at) values ('a@example.org', 'owner', 'A', 'a', 0)");
                h.execute("""
                        insert into posts (kind, title, slug, body_md, body_html, excerpt, words, status, published_at, created_at,
                                           updated_at, author_id)
                        values ('post', 'Old', 'old', '', '', '', 0, 'published', 1000, 1000, 1000, 1),
                               ('post', 'Draft', 'draft', '', '', '', 0, 'draft', null, 1000, 1000, 1),
                               ('page', 'About', 'about', '', '', '', 0, 'published', 1000, 1000, 1000, 1)""");
                h.execute("""
                        insert into subscriber_requests (email, source, created_at)
                        values ('kenji@example.org', 'comment-form', 5), ('KENJI@example.org', 'comment-form', 6),
                               ('mei@example.org', 'comment-form', 7)""");
            });

            db.migrate();

            db.jdbi().useHandle(h -> {
                assertEquals(List.of("kenji@example.org pending", "mei@example.org pending"),
                        h.createQuery("select email || ' ' || status from subscribers order by id").mapTo(String.class).list());
                assertEquals(List.of("Old skipped"), h.createQuery("""
                        select p.title || ' ' || m.status from post_mailings m join posts p on p.id = m.post_id""")
                        .mapTo(String.class).list());
            });
            assertThrows(Exception.class, () -> db.jdbi().useHandle(h -> h.createQuery("select count(*) from subscriber_requests")
                    .mapTo(Integer.class).one()), "the old table is gone");
        }
    }
}
