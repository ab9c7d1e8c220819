package dev.kioku.authors;

import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.Slugs;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts and the public author profiles built on them. */
public final class Authors {
    private final Jdbi jdbi;
    private final AuthorStore store;
    private final EventBus events;
    private final Clock clock;

    public Authors(Jdbi jdbi, EventBus events, Clock clock) {
        this.jdbi = jdbi;
        this.store = new AuthorStore(jdbi);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account with a unique slug made from the display name.
     *
     * @throws IllegalArgumentException when the email is already used, or a second owner is asked for
     */
    public Author create(NewAuthor a) {
        String hash = a.password() == null ? null : Passwords.hash(a.password());
        long id = jdbi.inTransaction(h -> {
            if (store.emailTaken(h, a.email())) throw new IllegalArgumentException("an account with email " + a.email() + " exists already");
            if (a.role() == Role.OWNER && store.ownerEmail().isPresent()) throw new IllegalArgumentException("the blog has an owner already");
            return store.insert(h, a, Slugs.unique(a.displayName(), "author", slug -> store.slugTaken(h, slug)), hash, clock.instant());
        });
        events.publish(ChangeEvent.of("author:" + id));
        return byId(id).orElseThrow();
    }

    /**
     * The staff account with this email, created as an author without a password (they can reset it later) when
     * there is none; inside the importer's transaction {@code h}, publishing nothing.
     *
     * @return the account's id
     */
    public long importAuthor(org.jdbi.v3.core.Handle h, String email, String displayName) {
        Optional<Long> existing = h.createQuery("select id from users where email = :e").bind("e", email.toLowerCase())
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) return existing.get();
        NewAuthor a = new NewAuthor(email, displayName, Role.AUTHOR, null, "", null, null, java.util.List.of());
        return store.insert(h, a, Slugs.unique(a.displayName(), "author", slug -> store.slugTaken(h, slug)), null, clock.instant());
    }

    /** The owner's email, or empty before {@code kioku init} (or the setup page) has run. */
    public Optional<String> ownerEmail() {
        return store.ownerEmail();
    }

    /**
     * The staff member whose email and password these are, or empty. Takes as long for an unknown email as
     * for a wrong password, so timing does not reveal which accounts exist.
     */
    public Optional<Staff> signIn(String email, char[] password) {
        Optional<AuthorStore.Account> account = store.account(email == null ? "" : email);
        String hash = account.map(AuthorStore.Account::passwordHash).orElse(null);
        if (hash == null) {
            Passwords.check(password, Passwords.DUMMY);
            return Optional.empty();
        }
        return Passwords.check(password, hash) ? account.map(AuthorStore.Account::staff) : Optional.empty();
    }

    /** The staff member with this id, or empty (deleted since). */
    public Optional<Staff> staff(long id) {
        return store.staff(id);
    }

    /** Everyone with an account, by name. */
    public java.util.List<Staff> allStaff() {
        return store.allStaff();
    }

    /**
     * Sets a new password for the account with this email (operators, {@code kioku user reset-password}).
     *
     * @throws IllegalArgumentException when there is no such account or the password is too short
     */
    public Staff resetPassword(String email, char[] password) {
        Passwords.requireStrong(password);
        Staff s = store.account(email).map(AuthorStore.Account::staff)
                .orElseThrow(() -> new IllegalArgumentException("no account with email " + email));
        store.setPasswordHash(s.id(), Passwords.hash(password));
        return s;
    }

    /**
     * Changes one's own password after checking the current one.
     *
     * @throws IllegalArgumentException naming the field when the current password is wrong or the new one too short
     */
    public void changePassword(long id, char[] current, char[] next) {
        Staff s = staff(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        if (signIn(s.email(), current).isEmpty()) throw new IllegalArgumentException("the current password is not right");
        Passwords.requireStrong(next);
        store.setPasswordHash(id, Passwords.hash(next));
    }

    /**
     * Replaces a person's public profile (name, bio, picture, contact email and links) in one transaction; the
     * author box on their posts and their author page show it on the next request. The author page keeps
     * its address when the name changes.
     *
     * @return the profile as saved
     * @throws IllegalArgumentException when there is no such account
     */
    public Author updateProfile(long id, Profile profile) {
        jdbi.useTransaction(h -> {
            if (!store.exists(h, id)) throw new IllegalArgumentException("no account " + id);
            store.updateProfile(h, id, profile);
        });
        events.publish(ChangeEvent.of("author:" + id));
        return byId(id).orElseThrow();
    }

    /** The public profile, or empty when there is no such author. */
    public Optional<Author> byId(long id) {
        return store.byId(id);
    }

    /** The public profile for an author page URL, or empty. */
    public Optional<Author> bySlug(String slug) {
        return store.bySlug(slug);
    }

}
