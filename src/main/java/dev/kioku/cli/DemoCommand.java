package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.demo.GeneratedBlog;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kioku demo}: fills an empty database with a large made-up blog, the same for the same seed (for benchmarks). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty database with a made-up blog of many posts, tags, series and comments (same seed, same blog).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--posts", paramLabel = "N", defaultValue = "10000", description = "Published posts. Default: ${DEFAULT-VALUE}")
    int posts;

    @Option(names = "--comments-per-post", paramLabel = "M", defaultValue = "2", description = "Approved comments on every post. Default: ${DEFAULT-VALUE}")
    int commentsPerPost;

    @Option(names = "--comments-on-newest", paramLabel = "K", defaultValue = "-1",
            description = "Approved comments on the newest post instead of M (benchmarks use one long thread).")
    int commentsOnNewest;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed: the same seed makes the same blog. Default: ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() {
        var options = new GeneratedBlog.Options(posts, commentsPerPost, commentsOnNewest, seed);
        try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
            if (!app.posts().isEmpty()) {
                System.err.println("kioku: the database already has posts; kioku demo only fills an empty one");
                return 1;
            }
            long start = System.nanoTime();
            GeneratedBlog.Summary s = new GeneratedBlog(app).generate(options);
            System.out.printf("Made %d posts, %d comments, %d tags, %d series (seed %d) in %.1f s.%n", s.posts(), s.comments(), s.tags(),
                    s.series(), seed, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
