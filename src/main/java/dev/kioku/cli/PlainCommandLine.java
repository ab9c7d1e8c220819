package dev.kioku.cli;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of one command, read from its own picocli annotations and set without picocli's parser, for the
 * plain command lines a server is started with ({@code kioku serve --data /srv/blog --port 8080 --trust-proxy}).
 *
 * <p>Why: picocli cannot go in the JVM's start-up cache (its jar is Java 5 class files), and building its model of
 * even one command cost 100-150 ms of every {@code kioku serve} before anything else could start. Only what picocli
 * would read the same way is taken here: long options each given once, as {@code --name value} or
 * {@code --name=value}, of type {@code String}, {@code Path} or a {@code boolean} flag, and options of arity
 * {@code 0..1} with a fallback value. Anything else (help, version, a short or unknown option, a repeated one, a
 * missing or dash-led value, a positional parameter, an {@code @file}, {@code --}, or a command using a picocli
 * feature not listed here) returns empty and goes to picocli, so usage, errors and suggestions read as before.
 */
public final class PlainCommandLine {
    private static final String NO_DEFAULT = "__no_default_value__";

    private PlainCommandLine() {
    }

    /**
     * A new instance of {@code command} with its options set from {@code args} (the words after the command's
     * name), or empty when picocli must read this command line.
     */
    public static Optional<Runnable> parse(Class<?> command, List<String> args) {
        try {
            Object instance = newInstance(command);
            if (!(instance instanceof Runnable runnable) || !plainCommand(command)) return Optional.empty();
            Map<String, Target> options = new HashMap<>();
            if (!collect(instance, options, 0)) return Optional.empty();
            return set(options, args) ? Optional.of(runnable) : Optional.empty();
        } catch (ReflectiveOperationException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** One option: the object and field it sets, and its annotation. */
    private record Target(Object owner, Field field, Option option) {
        boolean flag() {
            return field.getType() == boolean.class && option.arity().isEmpty();
        }

        boolean optionalValue() {
            return option.arity().equals("0..1") && !option.fallbackValue().isEmpty() && field.getType() != boolean.class;
        }

        void set(String value) throws IllegalAccessException {
            Class<?> type = field.getType();
            field.set(owner, type == boolean.class ? Boolean.TRUE : type == Path.class ? Path.of(value) : value);
        }
    }

    private static boolean plainCommand(Class<?> type) {
        Command c = type.getAnnotation(Command.class);
        return c != null && c.subcommands().length == 0 && isNone(c.defaultValueProvider(), "NoDefaultProvider")
                && noPicocliOn(type.getDeclaredConstructors());
    }

    /** Gathers the options of {@code owner} and its mixins; false when a field uses anything not handled here. */
    private static boolean collect(Object owner, Map<String, Target> options, int depth) throws ReflectiveOperationException {
        Class<?> type = owner.getClass();
        if (type.getSuperclass() != Object.class || depth > 3 || !noPicocliOn(type.getDeclaredMethods())) return false;
        for (Field f : type.getDeclaredFields()) {
            Option option = f.getAnnotation(Option.class);
            Mixin mixin = f.getAnnotation(Mixin.class);
            int picocli = countPicocli(f);
            if (picocli == 0) continue;
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()) || picocli != 1) return false;
            f.setAccessible(true);
            if (mixin != null) {
                if (!mixin.name().isEmpty()) return false;
                Object inner = newInstance(f.getType());
                f.set(owner, inner);
                if (!collect(inner, options, depth + 1)) return false;
            } else if (option != null) {
                Target t = new Target(owner, f, option);
                if (!supported(t)) return false;
                for (String name : option.names()) if (options.put(name, t) != null) return false;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean supported(Target t) {
        Option o = t.option();
        Class<?> type = t.field().getType();
        boolean typeOk = type == String.class || type == Path.class || type == boolean.class;
        boolean arityOk = o.arity().isEmpty() || t.optionalValue();
        return typeOk && arityOk && o.split().isEmpty() && o.converter().length == 0 && o.type().length == 0
                && NO_DEFAULT.equals(o.defaultValue()) && !o.required() && !o.negatable() && !o.interactive()
                && !o.help() && !o.usageHelp() && !o.versionHelp()
                && isNone(o.parameterConsumer(), "NullParameterConsumer")
                && isNone(o.preprocessor(), "NoOpParameterPreprocessor");
    }

    /** Sets the options named in {@code args}; false when picocli must read them. */
    private static boolean set(Map<String, Target> options, List<String> args) throws IllegalAccessException {
        for (String arg : args) if (arg.isEmpty() || arg.startsWith("@") || arg.equals("--")) return false;
        Set<Target> given = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) return false;
            int eq = arg.indexOf('=');
            Target t = options.get(eq < 0 ? arg : arg.substring(0, eq));
            if (t == null || !given.add(t)) return false;
            if (eq >= 0) {
                String value = arg.substring(eq + 1);
                if (t.flag() || value.isEmpty() || value.startsWith("-")) return false; // picocli refuses --data=--port
                t.set(value);
            } else if (t.flag()) {
                t.set(null);
            } else if (t.optionalValue()) {
                boolean next = i + 1 < args.size();
                if (next && !options.containsKey(nameOf(args.get(i + 1)))) return false;
                t.set(t.option().fallbackValue());
            } else {
                if (i + 1 == args.size() || args.get(i + 1).startsWith("-")) return false;
                t.set(args.get(++i));
            }
        }
        return true;
    }

    /** Whether {@code type} is picocli's marker for "none" (those classes are private to picocli). */
    private static boolean isNone(Class<?> type, String marker) {
        return type.getName().equals("picocli.CommandLine$" + marker);
    }

    private static String nameOf(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    private static int countPicocli(AnnotatedElement e) {
        int n = 0;
        for (var a : e.getDeclaredAnnotations()) if (a.annotationType().getName().startsWith("picocli.")) n++;
        return n;
    }

    private static boolean noPicocliOn(AnnotatedElement[] elements) {
        for (AnnotatedElement e : elements) if (countPicocli(e) > 0) return false;
        return true;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
