package dev.kioku.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule, with one message per form field ({@code "slug" → "another series uses…"}), so
 * a form can come back with each message beside its field and everything typed kept. It is an
 * {@link IllegalArgumentException}, so callers that only want the sentence can keep catching that.
 */
public final class Invalid extends IllegalArgumentException {
    private final Map<String, String> fields;

    /** @param fields field name → message, in the order the form shows them; not empty */
    public Invalid(Map<String, String> fields) {
        super(String.join("; ", fields.values()));
        if (fields.isEmpty()) throw new IllegalArgumentException("an Invalid needs at least one message");
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** One field's message. */
    public static Invalid field(String name, String message) {
        return new Invalid(Map.of(name, message));
    }

    /** Field name → message. */
    public Map<String, String> fields() {
        return fields;
    }
}
