package dev.kioku.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kioku.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** What a user at a shell sees from one {@code kioku} command, run in-process through {@link Main#run}. */
record CommandRun(int exit, String out, String err) {

    static CommandRun kioku(String... args) {
        return kiokuWithStdin("", args);
    }

    /** Runs with {@code stdin} as standard input; the real streams are put back afterwards. */
    static CommandRun kiokuWithStdin(String stdin, String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        InputStream realIn = System.in;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, UTF_8));
            System.setErr(new PrintStream(err, true, UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new CommandRun(exit, out.toString(UTF_8), err.toString(UTF_8));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            System.setIn(realIn);
        }
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
