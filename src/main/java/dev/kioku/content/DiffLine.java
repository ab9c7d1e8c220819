package dev.kioku.content;

/**
 * One line of a comparison. The template escapes {@code text} like everything else.
 *
 * @param before line number in the earlier text, or null for an added line
 * @param after  line number in the later text, or null for a removed line
 */
public record DiffLine(Type type, Integer before, Integer after, String text) {
    /** What happened to the line; SKIPPED stands for a run of unchanged lines not shown. */
    public enum Type {
        SAME, ADDED, REMOVED, SKIPPED;

        public String css() {
            return name().toLowerCase();
        }

        /** The sign shown before the line: + or − or nothing. */
        public String sign() {
            return this == ADDED ? "+" : this == REMOVED ? "−" : "";
        }
    }
}
