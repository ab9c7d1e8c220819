package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static List<String> render(List<DiffLine> lines) {
        return lines.stream().map(l -> (l.type() == DiffLine.Type.ADDED ? "+" : l.type() == DiffLine.Type.REMOVED ? "-"
                : l.type() == DiffLine.Type.SKIPPED ? "~" : " ") + l.text()).toList();
    }

    @Test
    void equal_texts_have_no_changes() {
        assertEquals(List.of(" a", " b"), render(LineDiff.between("a\nb\n", "a\nb", 3)));
    }

    @Test
    void a_changed_line_is_removed_then_added_between_unchanged_ones() {
        assertEquals(List.of(" a", "-b", "+B", " c"), render(LineDiff.between("a\nb\nc", "a\nB\nc", 3)));
    }

    @Test
    void insertions_and_deletions_follow_the_longest_common_subsequence() {
        assertEquals(List.of("+x", " a", "-b", " c", " d", "+e"), render(LineDiff.between("a\nb\nc\nd", "x\na\nc\nd\ne", 3)));
        assertEquals(List.of("+a"), render(LineDiff.between("", "a", 3)));
        assertEquals(List.of("-a"), render(LineDiff.between("a", "", 3)));
    }

    @Test
    void line_numbers_count_in_each_text() {
        List<DiffLine> d = LineDiff.between("a\nb", "b\nc", 3);
        assertEquals(new DiffLine(DiffLine.Type.REMOVED, 1, null, "a"), d.get(0));
        assertEquals(new DiffLine(DiffLine.Type.SAME, 2, 1, "b"), d.get(1));
        assertEquals(new DiffLine(DiffLine.Type.ADDED, null, 2, "c"), d.get(2));
    }

    @Test
    void long_unchanged_runs_are_folded_keeping_context_around_changes() {
        List<String> before = new ArrayList<>();
        for (int i = 1; i <= 20; i++) before.add("line " + i);
        List<String> after = new ArrayList<>(before);
        after.set(9, "changed");

        assertEquals(List.of("~7 unchanged lines", " line 8", " line 9", "-line 10", "+changed", " line 11", " line 12",
                "~8 unchanged lines"), render(LineDiff.between(String.join("\n", before), String.join("\n", after), 2)));
    }

    @Test
    void very_different_long_texts_fall_back_to_removed_then_added_without_a_huge_table() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }

        List<DiffLine> d = LineDiff.between(a.toString(), b.toString(), 3);

        assertEquals(6000, d.size());
        assertEquals(DiffLine.Type.REMOVED, d.get(2999).type());
        assertEquals(DiffLine.Type.ADDED, d.get(3000).type());
    }
}
