package dev.kioku.admin;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form was filled with and what is wrong with it, so a refused form comes back (422) exactly as it was
 * typed, each message beside its field. Templates read it by field name.
 */
public final class Fields {
    private final Map<String, String> values;
    private final Map<String, String> errors;

    private Fields(Map<String, String> values, Map<String, String> errors) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** A blank form. */
    public static Fields empty() {
        return new Fields(Map.of(), Map.of());
    }

    /** A form showing these values (field name → value), with no messages. */
    public static Fields of(Map<String, String> values) {
        return new Fields(values, Map.of());
    }

    /** The named fields as the request sent them (absent ones as ""), untouched, with no messages. */
    public static Fields from(Context ctx, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String v = ctx.formParam(name);
            values.put(name, v == null ? "" : v);
        }
        return new Fields(values, Map.of());
    }

    /** The same values with these messages (field name → sentence). */
    public Fields withErrors(Map<String, String> messages) {
        return new Fields(values, messages);
    }

    /** The same values with one message. */
    public Fields withError(String field, String message) {
        return withErrors(Map.of(field, message));
    }

    /** The same form, with {@code defaults} for the fields it does not hold (the saved values of other forms on the page). */
    public Fields withDefaults(Map<String, String> defaults) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(values);
        return new Fields(merged, errors);
    }

    /** The value typed into a field, or "" when there is none. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The value, stripped of surrounding blanks. */
    public String stripped(String name) {
        return value(name).strip();
    }

    /** The message for a field, or null when it is fine. */
    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    /** True when any field has a message. */
    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** For {@code aria-invalid}: "true" on a field with a message, else null (jte then leaves the attribute out). */
    public String ariaInvalid(String name) {
        return hasError(name) ? "true" : null;
    }

    /** For {@code aria-describedby}: the message's id on a field with a message, else null. */
    public String describedBy(String name) {
        return hasError(name) ? errorId(name) : null;
    }

    /** The id of the element holding a field's message ({@code aria-describedby}), e.g. {@code title-error}. */
    public static String errorId(String name) {
        return name + "-error";
    }
}
