package dev.kioku.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff by longest common subsequence, for comparing a revision with the current text.
 *
 * <p>Why the prefix/suffix trim and the cell limit: edits are usually local, so after dropping the lines
 * both texts share at the start and end, the table is small. When what is left would still need more than
 * {@value #MAX_CELLS} cells (two very different long texts), the middle is shown as all removed, then all
 * added: correct, only less tidy, and memory stays bounded.
 */
final class LineDiff {
    static final int MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    /**
     * The lines of {@code after} compared with {@code before}, unchanged runs longer than twice
     * {@code context} folded into one {@link DiffLine.Type#SKIPPED} line.
     */
    static List<DiffLine> between(String before, String after, int context) {
        return fold(diff(lines(before), lines(after)), context);
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        String t = text.replace("\r\n", "\n");
        if (t.endsWith("\n")) t = t.substring(0, t.length() - 1);
        return Arrays.asList(t.split("\n", -1));
    }

    static List<DiffLine> diff(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) start++;
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<DiffLine> out = new ArrayList<>();
        for (int i = 0; i < start; i++) out.add(new DiffLine(DiffLine.Type.SAME, i + 1, i + 1, a.get(i)));
        middle(a, b, start, endA, start, endB, out);
        for (int i = endA, j = endB; i < a.size(); i++, j++) out.add(new DiffLine(DiffLine.Type.SAME, i + 1, j + 1, a.get(i)));
        return out;
    }

    private static void middle(List<String> a, List<String> b, int a0, int a1, int b0, int b1, List<DiffLine> out) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = a0; i < a1; i++) out.add(new DiffLine(DiffLine.Type.REMOVED, i + 1, null, a.get(i)));
            for (int j = b0; j < b1; j++) out.add(new DiffLine(DiffLine.Type.ADDED, null, j + 1, b.get(j)));
            return;
        }
        // lcs[i][j] = length of the longest common subsequence of a[a0+i..a1) and b[b0+j..b1)
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(a0 + i).equals(b.get(b0 + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(a0 + i).equals(b.get(b0 + j))) {
                out.add(new DiffLine(DiffLine.Type.SAME, a0 + i + 1, b0 + j + 1, a.get(a0 + i)));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removals before additions, so a changed line reads as "this went, that came"
                out.add(new DiffLine(DiffLine.Type.REMOVED, a0 + i + 1, null, a.get(a0 + i)));
                i++;
            } else {
                out.add(new DiffLine(DiffLine.Type.ADDED, null, b0 + j + 1, b.get(b0 + j)));
                j++;
            }
        }
    }

    /** Fewer unchanged lines than this are shown rather than folded into a marker. */
    static final int MIN_FOLDED = 4;

    /** Keeps {@code context} unchanged lines around each change and folds the rest. */
    static List<DiffLine> fold(List<DiffLine> lines, int context) {
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).type() != DiffLine.Type.SAME) {
                out.add(lines.get(i++));
                continue;
            }
            int end = i;
            while (end < lines.size() && lines.get(end).type() == DiffLine.Type.SAME) end++;
            int keepHead = i == 0 ? 0 : context;
            int keepTail = end == lines.size() ? 0 : context;
            if (end - i - keepHead - keepTail >= MIN_FOLDED) {
                out.addAll(lines.subList(i, i + keepHead));
                int hidden = end - i - keepHead - keepTail;
                out.add(new DiffLine(DiffLine.Type.SKIPPED, null, null, hidden + (hidden == 1 ? " unchanged line" : " unchanged lines")));
                out.addAll(lines.subList(end - keepTail, end));
            } else {
                out.addAll(lines.subList(i, end));
            }
            i = end;
        }
        return out;
    }
}
