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

    /** The owner's email, or empty before {@code kioku init} (or the setup page) has run. */
    public Optional<String> ownerEmail() {
        return store.ownerEmail();
    }

    /** True when the email belongs to an account whose password matches. */
    public boolean checkPassword(String email, char[] password) {
        return store.passwordHash(email).map(h -> Passwords.check(password, h)).orElse(false);
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
