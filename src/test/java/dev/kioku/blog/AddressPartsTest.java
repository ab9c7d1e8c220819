package dev.kioku.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks of address parts accept exactly what the patterns they replaced matched. */
class AddressPartsTest {
    private static final List<String> SAMPLES = List.of("", "0", "1", "9", "00", "01", "10", "99", "123", "0123", "2026", "20261",
            "abcd", "12a4", "١٢٣٤", "２０２６", "-1", "+1", " 12", "12 ", "1.5", "999999", "1000000", "0000001",
            "123456789012345678", "1234567890123456789", "012345678901234567", "9x", "x9", "٠٩");

    @Test
    void each_check_agrees_with_its_pattern() {
        agree("\\d{4}", BlogRoutes::isYear);
        agree("\\d{2}", BlogRoutes::isTwoDigits);
        agree("[1-9]\\d{0,17}", BlogRoutes::isPostId);
        agree("[1-9]\\d{0,5}", BlogRoutes::isPageNumber);
    }

    private static void agree(String regex, Predicate<String> check) {
        Pattern p = Pattern.compile(regex);
        for (String s : SAMPLES) assertEquals(p.matcher(s).matches(), check.test(s), regex + " on '" + s + "'");
    }
}
