package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** When the writer thread cannot be started, the comment is refused alone and the next one starts a writer. */
class CommentWriterThreadTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30) // before the fix the flag stayed up and the second comment waited for ever
    void a_writer_that_could_not_start_refuses_that_comment_writes_nothing_of_it_and_the_next_comment_is_written() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("w.db"));
        jdbi.useHandle(h -> h.execute("create table notes (text text not null)"));
        AtomicInteger asked = new AtomicInteger();
        ThreadFactory failingOnce = r -> {
            if (asked.incrementAndGet() == 1) throw new OutOfMemoryError("unable to create native thread");
            return Thread.ofPlatform().daemon().unstarted(r);
        };
        CommentWriter writer = new CommentWriter(jdbi, failingOnce);

        assertThrows(OutOfMemoryError.class,
                () -> writer.write(h -> h.execute("insert into notes (text) values ('first')")));
        assertEquals(0, writer.waiting(), "the refused comment no longer counts as waiting");

        assertEquals(Integer.valueOf(1), writer.<Integer>write(h -> h.execute("insert into notes (text) values ('second')")));
        assertEquals(java.util.List.of("second"),
                jdbi.withHandle(h -> h.createQuery("select text from notes").mapTo(String.class).list()),
                "the first comment was never written, even by the writer the second one started");
        assertEquals(2, asked.get());
    }
}
