package dev.kioku.cli;

import dev.kioku.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kioku version}: the program version and the Java running it. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
public final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(text());
    }

    static String text() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "kioku " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")";
    }

    /** Feeds {@code kioku --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {text()};
        }
    }
}
