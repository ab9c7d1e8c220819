package dev.kioku.mail;

import dev.kioku.config.Smtp;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.IDN;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends messages through the operator's SMTP server with angus-mail.
 *
 * <p>Why the timeouts: angus-mail waits forever by default, so a server that accepts the connection and never
 * answers would hold the sending thread (and with it db-scheduler's) for good. Why STARTTLS is required in
 * {@code starttls} mode: otherwise a man in the middle who strips the STARTTLS offer reads the password.
 */
final class Mailer {
    private static final String TIMEOUT_MS = "10000";
    private final Smtp smtp;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    /** @throws IllegalArgumentException when SMTP is not configured */
    Mailer(Smtp smtp, Clock clock) {
        if (!smtp.configured()) throw new IllegalArgumentException("SMTP is not configured");
        this.smtp = smtp;
        this.clock = clock;
        this.session = Session.getInstance(properties(smtp));
        try {
            this.from = new InternetAddress(smtp.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("smtp.from is not an address", e);
        }
    }

    private static Properties properties(Smtp smtp) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        p.put("mail.smtp.auth", String.valueOf(smtp.user() != null));
        switch (smtp.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    /** {@code host:port}, for messages. */
    String server() {
        return smtp.host() + ":" + smtp.port();
    }

    /** The domain of the From address, for Message-IDs. */
    String domain() {
        String a = from.getAddress();
        return a.substring(a.lastIndexOf('@') + 1);
    }

    /**
     * Connects and signs in.
     *
     * @throws MessagingException when the server cannot be reached or refuses the login
     */
    Connection connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
        return new Connection(transport);
    }

    /** An open connection; send any number of messages, then close. */
    final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /**
         * Sends one message.
         *
         * @param messageId the Message-ID header, with its angle brackets
         * @throws MessagingException when the server refuses it or the connection breaks
         */
        void send(Mail mail, String messageId) throws MessagingException {
            MimeMessage message = message(mail, messageId);
            transport.sendMessage(message, message.getAllRecipients());
        }

        /** False once the server has hung up; asks it with a NOOP, so call it only after a failure. */
        boolean open() {
            return transport.isConnected();
        }

        /** Says goodbye; a failure to do so changes nothing for messages already accepted. */
        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the server already has what it accepted
            }
        }
    }

    /** The address with an international domain in its ASCII form, which every server takes. */
    private static InternetAddress recipient(String to) throws AddressException {
        int at = to.lastIndexOf('@');
        try {
            return new InternetAddress(to.substring(0, at + 1) + IDN.toASCII(to.substring(at + 1), IDN.ALLOW_UNASSIGNED), true);
        } catch (IllegalArgumentException e) {
            throw new AddressException("not a usable domain: " + to.substring(at + 1));
        }
    }

    MimeMessage message(Mail mail, String messageId) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, recipient(mail.to()));
        m.setSubject(mail.subject(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setHeader("Auto-Submitted", "auto-generated");
        if (mail.unsubscribeUrl() != null) {
            m.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (mail.html() == null) {
            m.setText(mail.text(), "UTF-8", "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", text, html));
        }
        m.saveChanges();
        return m;
    }
}
