package dev.kioku.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * The subscriber export as CSV (RFC 4180): every cell quoted, and a cell that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with {@code '}, so opening the
 * file runs nothing. Addresses may legally start with {@code =} or {@code +}; series titles are anyone's text.
 */
final class SubscriberCsv {
    static final String HEADER = "email,status,all_posts,series,subscribed_at";

    private SubscriberCsv() {
    }

    static String of(List<Subscriber> subscribers) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Subscriber s : subscribers) {
            Instant since = s.confirmedAt() != null ? s.confirmedAt() : s.createdAt();
            out.append(cell(s.email())).append(',').append(cell(s.status().label())).append(',')
                    .append(cell(s.allPosts() ? "yes" : "no")).append(',').append(cell(String.join("; ", s.series())))
                    .append(',').append(cell(since.toString())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
