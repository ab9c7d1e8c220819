package dev.kioku.authors;

import dev.kioku.db.PlainReads;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for staff accounts and their public profiles (table {@code users}). */
final class AuthorStore {
    private final Jdbi jdbi;

    AuthorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(Handle h, NewAuthor a, String slug, String passwordHash, Instant now) {
        long id = h.createQuery("""
                insert into users (email, password_hash, role, display_name, slug, bio, avatar_url, public_email, created_at)
                values (:email, :hash, :role, :name, :slug, :bio, :avatar, :publicEmail, :now)
                returning id
                """)
                .bind("email", a.email().toLowerCase()).bind("hash", passwordHash).bind("role", a.role().sql())
                .bind("name", a.displayName().strip()).bind("slug", slug).bind("bio", a.bio())
                .bind("avatar", a.avatarUrl()).bind("publicEmail", a.publicEmail()).bind("now", now)
                .mapTo(Long.class).one();
        insertLinks(h, id, a.links());
        return id;
    }

    boolean exists(Handle h, long id) {
        return h.createQuery("select count(*) from users where id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    void updateProfile(Handle h, long id, Profile p) {
        h.createUpdate("""
                update users set display_name = :name, bio = :bio, avatar_url = :avatar, public_email = :publicEmail
                where id = :id""")
                .bind("name", p.displayName()).bind("bio", p.bio()).bind("avatar", p.avatarUrl())
                .bind("publicEmail", p.publicEmail()).bind("id", id).execute();
        h.createUpdate("delete from user_links where user_id = :id").bind("id", id).execute();
        insertLinks(h, id, p.links());
    }

    private static void insertLinks(Handle h, long userId, List<Author.Link> links) {
        int position = 0;
        for (Author.Link link : links) {
            h.createUpdate("insert into user_links (user_id, position, label, url) values (:id, :pos, :label, :url)")
                    .bind("id", userId).bind("pos", position++).bind("label", link.label()).bind("url", link.url()).execute();
        }
    }

    boolean slugTaken(Handle h, String slug) {
        return h.createQuery("select count(*) from users where slug = :slug").bind("slug", slug).mapTo(Integer.class).one() > 0;
    }

    boolean emailTaken(Handle h, String email) {
        return h.createQuery("select count(*) from users where email = :email").bind("email", email.toLowerCase())
                .mapTo(Integer.class).one() > 0;
    }

    Optional<String> ownerEmail() {
        return jdbi.withHandle(h -> h.createQuery("select email from users where role = 'owner' order by id limit 1")
                .mapTo(String.class).findOne());
    }

    /** The account and its hash; the hash may be null for an account that cannot sign in. */
    record Account(Staff staff, String passwordHash) {
    }

    Optional<Account> account(String email) {
        return jdbi.withHandle(h -> h.createQuery("select id, email, display_name, role, password_hash from users where email = :email")
                .bind("email", email.toLowerCase().strip()).map((rs, ctx) -> new Account(staff(rs), rs.getString("password_hash"))).findOne());
    }

    Optional<Staff> staff(long id) {
        return jdbi.withHandle(h -> h.createQuery("select id, email, display_name, role from users where id = :id")
                .bind("id", id).map((rs, ctx) -> staff(rs)).findOne());
    }

    java.util.List<Staff> allStaff() {
        return jdbi.withHandle(h -> h.createQuery("select id, email, display_name, role from users order by display_name, id")
                .map((rs, ctx) -> staff(rs)).list());
    }

    void setPasswordHash(long id, String hash) {
        jdbi.useHandle(h -> h.createUpdate("update users set password_hash = :hash where id = :id")
                .bind("hash", hash).bind("id", id).execute());
    }

    private static Staff staff(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Staff(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role").toUpperCase()));
    }

    Optional<Author> byId(long id) {
        return jdbi.withHandle(h -> find(h, "u.id = ?", id));
    }

    Optional<Author> bySlug(String slug) {
        return jdbi.withHandle(h -> find(h, "u.slug = ?", slug));
    }

    /**
     * A profile with its links in order, in one statement (one row per link, one with no link for none); plain
     * JDBC, as every post page asks for its author (see {@link PlainReads}).
     */
    private static Optional<Author> find(Handle h, String where, Object value) {
        List<Author> rows = PlainReads.list(h, """
                select u.id, u.display_name, u.slug, u.bio, u.avatar_url, u.public_email, l.label, l.url
                from users u left join user_links l on l.user_id = u.id
                """ + "where " + where + " order by l.position",
                rs -> new Author(rs.getLong("id"), rs.getString("display_name"), rs.getString("slug"),
                        rs.getString("bio"), rs.getString("avatar_url"), rs.getString("public_email"),
                        rs.getString("label") == null ? List.of() : List.of(new Author.Link(rs.getString("label"), rs.getString("url")))),
                value);
        if (rows.isEmpty()) return Optional.empty();
        Author a = rows.getFirst();
        return Optional.of(new Author(a.id(), a.displayName(), a.slug(), a.bio(), a.avatarUrl(), a.publicEmail(),
                rows.stream().flatMap(r -> r.links().stream()).toList()));
    }
}
