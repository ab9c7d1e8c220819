package dev.kioku.content;

import java.util.List;

/** Suggestions for the tags field's {@code <datalist>}: each is the whole field with the last tag completed. */
public record TagOptions(List<String> values) {
    public TagOptions {
        values = List.copyOf(values);
    }
}
