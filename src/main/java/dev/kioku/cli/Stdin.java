package dev.kioku.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Passwords read from standard input, never from the command line (where `ps` would show them). */
final class Stdin {
    private Stdin() {
    }

    /** The first line of standard input. @throws IllegalArgumentException when there is none */
    static char[] password() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new IllegalArgumentException("no password on standard input");
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
