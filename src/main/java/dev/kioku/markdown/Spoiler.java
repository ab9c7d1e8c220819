package dev.kioku.markdown;

import org.commonmark.node.CustomBlock;

/** A {@code :::spoiler} block: its children are hidden behind a summary until clicked. */
final class Spoiler extends CustomBlock {

    private final String summary;

    Spoiler(String summary) {
        this.summary = summary;
    }

    /** The text after {@code :::spoiler}, trimmed; "" when none was written. */
    String summary() {
        return summary;
    }
}
