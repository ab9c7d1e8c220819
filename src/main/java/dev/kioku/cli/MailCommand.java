package dev.kioku.cli;

import dev.kioku.config.Config;
import dev.kioku.config.ConfigLoader;
import dev.kioku.mail.Mail;
import dev.kioku.mail.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioku mail test --to ADDRESS}: checks the SMTP settings by sending one message now. */
@Command(name = "mail", mixinStandardHelpOptions = true, description = "Check outgoing mail.",
        subcommands = MailCommand.Test.class)
public final class MailCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Sends straight through the configured server, bypassing the outbox, and says what happened in one line. */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send one test message now with the smtp.* settings.")
    static final class Test implements Callable<Integer> {
        @Option(names = "--to", paramLabel = "ADDRESS", required = true, description = "Who gets the test message.")
        String to;

        @Option(names = "--config", paramLabel = "FILE", description = "Properties file with the smtp.* settings. Env KIOKU_CONFIG. Default: ./kioku.properties if present")
        Path config;

        @Override
        public Integer call() {
            Config c = new ConfigLoader(System.getenv()).load(Map.of(), config);
            Mail mail = new Mail(to, "Kioku test message", "This message was sent by 'kioku mail test' from "
                    + c.publicBase() + ".\nIf you can read it, outgoing mail works.", null, null);
            if (!c.smtp().configured()) {
                System.err.println("kioku: mail is not configured: set smtp.host (KIOKU_SMTP_HOST)");
                return 2;
            }
            try {
                String server = Outbox.sendDirect(c.smtp(), mail, Clock.systemUTC());
                System.out.println("Sent a test message to " + to + " through " + server + ".");
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("kioku: not sent: " + e.getMessage());
                return 1;
            }
        }
    }
}
