package dev.kioku.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Database;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestDatabases;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The jobs start in the background: start() does not wait for the database, and stop() wins over a pending start. */
@ParameterizedClass
@EnumSource(Engine.class)
class JobsStartTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    Database db;
    Jobs jobs;
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch ran = new CountDownLatch(1);
    final Job tick = new Job("tick", Duration.ofHours(1), () -> {
        runs.incrementAndGet();
        ran.countDown();
    });

    final java.util.Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

    @BeforeEach
    void open() {
        var d = TestDatabases.fresh(engine, dir);
        db = Database.open(d.url(), d.user(), d.password());
        db.migrate();
    }

    GatedDataSource gate;

    @AfterEach
    void close() {
        if (gate != null) gate.open.countDown(); // a start held at the gate would keep stop() waiting for ever
        if (jobs != null) jobs.stop();
        db.close();
    }

    @Test
    void start_returns_while_the_database_does_not_answer_and_the_jobs_run_once_it_does() throws Exception {
        gate = new GatedDataSource(db.dataSource());
        jobs = new Jobs(gate, Clock.systemUTC(), List.of(tick));

        // a start that waited for the database would hang here
        assertTimeoutPreemptively(Duration.ofSeconds(20), jobs::start);

        assertTrue(gate.waiting.await(30, TimeUnit.SECONDS), "the scheduler asked for a connection");
        assertEquals(0, runs.get(), "nothing ran before the database answered");
        gate.open.countDown();
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the job ran once the database answered");
    }

    @Test
    void a_stop_before_the_pending_start_means_the_scheduler_never_starts() {
        List<Runnable> pending = new ArrayList<>();
        jobs = new Jobs(db.dataSource(), Clock.systemUTC(), List.of(tick), pending::add);
        jobs.start();
        assertEquals(1, pending.size(), "the start was handed to its thread");

        jobs.stop();
        pending.getFirst().run();

        assertEquals(0, registeredJobs(), "the scheduler never registered the job");
        assertEquals(0, runs.get());
    }

    @Test
    void a_start_that_runs_registers_and_runs_every_job_and_stop_stops_it() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        jobs = new Jobs(db.dataSource(), Clock.systemUTC(), List.of(tick), pending::add);
        jobs.start();
        assertEquals(0, registeredJobs(), "nothing happens before the start thread runs");

        pending.getFirst().run();

        assertEquals(1, registeredJobs());
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the job's start-up run");
        jobs.stop();
        assertFalse(schedulerThreadsAlive(), "no scheduler thread is left after stop");
    }

    @Test
    void start_twice_is_refused() {
        jobs = new Jobs(db.dataSource(), Clock.systemUTC(), List.of(tick), r -> { });
        jobs.start();
        assertEquals("already started",
                assertThrows(IllegalStateException.class, jobs::start).getMessage());
    }

    private int registeredJobs() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_name = 'tick'")
                .mapTo(Integer.class).one());
    }

    /** Whether a scheduler thread started by this test is still alive (after giving each up to ten seconds to end). */
    private boolean schedulerThreadsAlive() throws InterruptedException {
        List<Thread> ours = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("db-scheduler") && !threadsBefore.contains(t)).toList();
        for (Thread t : ours) t.join(Duration.ofSeconds(10));
        return ours.stream().anyMatch(Thread::isAlive);
    }

    /** A real data source that holds every connection request until {@code open} is counted down. */
    private static final class GatedDataSource implements DataSource {
        final CountDownLatch waiting = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final DataSource real;

        GatedDataSource(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            waiting.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return real.isWrapperFor(type);
        }
    }
}
