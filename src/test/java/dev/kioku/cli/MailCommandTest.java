package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code kioku mail test} sends one message through the configured server and says in one line how it went. */
class MailCommandTest {
    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path config(int port) throws IOException {
        return Files.writeString(dir.resolve("kioku.properties"), """
                smtp.host=127.0.0.1
                smtp.port=%d
                smtp.tls=none
                smtp.from=Tea Blog <no-reply@blog.example.org>
                smtp.user=kioku
                smtp.password=s3cret-Pa55
                """.formatted(port));
    }

    @Test
    void a_test_message_arrives_signed_in_and_the_command_says_where_it_went() throws Exception {
        smtpServer.setUser("kioku@blog.example.org", "kioku", "s3cret-Pa55");

        CommandRun run = kioku("mail", "test", "--to", "olive@example.org", "--config", config(smtpServer.getSmtp().getPort()).toString());

        assertEquals(0, run.exit(), run::toString);
        // GreenMail, in this same process, may log to standard output first
        assertEquals("Sent a test message to olive@example.org through 127.0.0.1:" + smtpServer.getSmtp().getPort() + ".", run.outLines().getLast());
        assertEquals(1, smtpServer.getReceivedMessages().length);
        assertEquals("Kioku test message", smtpServer.getReceivedMessages()[0].getSubject());
        assertEquals("Tea Blog <no-reply@blog.example.org>", smtpServer.getReceivedMessages()[0].getFrom()[0].toString());
    }

    @Test
    void a_server_that_cannot_be_reached_is_one_line_and_exit_1_without_the_password() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        CommandRun run = kioku("mail", "test", "--to", "olive@example.org", "--config", config(closed).toString());

        assertEquals(1, run.exit(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("kioku: not sent: 127.0.0.1:" + closed + " did not take it: MailConnectException"), run::toString);
        assertTrue(!run.err().contains("s3cret-Pa55") && !run.out().contains("s3cret-Pa55"), run::toString);
    }

    @Test
    void without_an_smtp_host_it_says_what_to_set() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.properties"), "");

        CommandRun run = kioku("mail", "test", "--to", "olive@example.org", "--config", empty.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals("kioku: mail is not configured: set smtp.host (KIOKU_SMTP_HOST)\n", run.err());
    }

    @Test
    void an_address_that_is_not_one_is_refused_before_anything_is_sent() throws IOException {
        CommandRun run = kioku("mail", "test", "--to", "olive", "--config", config(smtpServer.getSmtp().getPort()).toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals("kioku: mail: 'to' must be an address like ann@example.org, got 'olive'\n", run.err());
        assertEquals(0, smtpServer.getReceivedMessages().length);
    }
}
