package dev.kioku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kioku serve} lines read without picocli's parser set exactly the fields picocli sets; every other line is
 * left to picocli (which then prints its usage or one error line, see CommandLineErrorsTest and HelpAndVersionTest).
 */
class PlainCommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--data /srv/blog --port 8080 --no-demo --trust-proxy",
            "--data=/srv/blog --port=8080 --host=0.0.0.0",
            "--trust-proxy --port 80",
            "--trust-proxy=false --no-demo",
            "--db jdbc:sqlite:/x/kioku.db?a=b --config /etc/kioku.properties",
            "--config=kioku.properties --https-port 8443 --tls-cert a.pem --tls-key b.pem",
            "--tls-keystore blog.p12 --data x",
            "--host :: --port 0",
            "--data=@dir",
    })
    void a_plain_serve_line_sets_the_same_fields_as_picocli(String line) throws Exception {
        List<String> args = words(line);
        ServeCommand byPicocli = new ServeCommand();
        new CommandLine(byPicocli).parseArgs(args.toArray(String[]::new));

        Runnable plain = PlainCommandLine.parse(ServeCommand.class, args).orElseThrow(() -> new AssertionError("left to picocli"));

        assertEquals(options(byPicocli), options(plain));
    }

    @Test
    void the_fields_are_really_set() {
        var serve = (ServeCommand) PlainCommandLine.parse(ServeCommand.class,
                words("--data d --config c.properties --port 81 --no-demo --trust-proxy")).orElseThrow();
        assertEquals("d", serve.store.data);
        assertEquals(Path.of("c.properties"), serve.store.config);
        assertEquals("81", serve.port);
        assertEquals("true", serve.trustProxy);
        assertTrue(serve.noDemo);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--help", "-h", "--version", "-V",
            "--port", "--port --data x", "--port -1", "--port=", "--port 1 --port 2", "--port=1 --port=2",
            "--no-demo --no-demo", "--no-demo=true",
            "--trust-proxy yes", "--trust-proxy maybe --port 1", "--trust-proxy --bogus", "--trust-proxy=",
            "--bogus", "--bogus=1", "--Port 1", "--por 1", "-p 1", "stray", "--data x stray", "--", "-- --port 1",
            "@args.txt", "--data @dir", "--data ''", "--data=--port", "--data=-h", "--port=-1",
    })
    void anything_else_is_left_to_picocli(String line) {
        assertTrue(PlainCommandLine.parse(ServeCommand.class, words(line)).isEmpty(), line);
    }

    @Test
    void a_command_with_options_of_other_types_or_parameters_is_left_to_picocli() {
        assertTrue(PlainCommandLine.parse(DemoCommand.class, words("--data x")).isEmpty(), "demo has number options");
        assertTrue(PlainCommandLine.parse(UserCommand.class, words("")).isEmpty(), "user has subcommands");
    }

    /** Split on spaces; {@code ''} is the empty word. */
    private static List<String> words(String line) {
        if (line.isEmpty()) return List.of();
        return List.of(line.split(" ")).stream().map(w -> w.equals("''") ? "" : w).toList();
    }

    /** Every option field of the command and its mixins, by name, with its value. */
    private static Map<String, Object> options(Object command) throws IllegalAccessException {
        Map<String, Object> values = new TreeMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(Option.class)) values.put(f.getName(), f.get(command));
            if (f.isAnnotationPresent(Mixin.class)) options(f.get(command)).forEach((k, v) -> values.put(f.getName() + "." + k, v));
        }
        return values;
    }
}
