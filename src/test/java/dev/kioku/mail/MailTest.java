package dev.kioku.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message that could not be sent as meant is refused when it is made, naming the field. */
class MailTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.org", "ann@localhost", "Ann <ann@example.org>", "ann@example.org\r\nBcc: x@example.org",
            "ann smith@example.org", "ann@example.org, bob@example.org", "アン@example.org"})
    void an_address_that_is_not_one_bare_address_is_refused(String to) {
        var e = assertThrows(IllegalArgumentException.class, () -> new Mail(to, "Hi", "Hello.", null, null));
        assertEquals("mail: 'to' must be an address like ann@example.org, got '" + to + "'", e.getMessage());
    }

    @Test
    void addresses_with_plus_dots_and_international_domains_are_fine() {
        new Mail("ann.smith+blog@mail.example.org", "Hi", "Hello.", null, null);
        new Mail("ann@例え.jp", "Hi", "Hello.", null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Hi\r\nBcc: x@example.org", "two\nlines"})
    void a_subject_must_be_one_line(String subject) {
        var e = assertThrows(IllegalArgumentException.class, () -> new Mail("ann@example.org", subject, "Hello.", null, null));
        assertEquals("mail: 'subject' must be one line of text", e.getMessage());
    }

    @Test
    void the_text_body_is_required_even_with_html() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Mail("ann@example.org", "Hi", " ", "<p>Hello.</p>", null));
        assertEquals("mail: 'text' must not be empty", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:x@example.org", "/unsubscribe", "https://example.org/u?t=1>\r\nX: y", "https://exa mple.org/"})
    void the_unsubscribe_url_must_be_absolute_http(String url) {
        assertThrows(IllegalArgumentException.class, () -> new Mail("ann@example.org", "Hi", "Hello.", null, url));
    }
}
