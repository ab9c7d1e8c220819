package dev.kioku.cli;

import dev.kioku.migrate.WordPressImport;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with counts and ETA on a terminal; a plain line at every tenth otherwise (logs, pipes, tests). */
final class ImportProgress {
    private ImportProgress() {
    }

    static WordPressImport.Progress forConsole() {
        return System.console() != null ? new Bar() : new Lines(System.out);
    }

    private static final class Bar implements WordPressImport.Progress {
        private ProgressBar bar;

        @Override
        public void reading() {
            System.err.println("Checking the file…");
        }

        @Override
        public void start(long total) {
            bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" items", 1).setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
        }

        @Override
        public void step(long done, String counts) {
            bar.stepTo(done);
            bar.setExtraMessage(counts);
        }

        @Override
        public void finish() {
            if (bar != null) bar.close();
        }
    }

    private static final class Lines implements WordPressImport.Progress {
        private final PrintStream out;
        private long total;
        private long next;
        private final long started = System.nanoTime();

        Lines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void start(long total) {
            this.total = total;
            this.next = Math.max(1, total / 10);
        }

        @Override
        public void step(long done, String counts) {
            if (done < next || total < 50) return;
            next += Math.max(1, total / 10);
            long ms = (System.nanoTime() - started) / 1_000_000;
            long eta = done == 0 ? 0 : ms * (total - done) / done / 1000;
            out.println("import: " + done + "/" + total + " items (" + counts + "), about " + eta + " s left");
        }
    }
}
