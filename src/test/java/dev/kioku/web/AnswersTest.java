package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cached page's bodies move off the heap once sent often, within the budget, with the same bytes. */
class AnswersTest {
    private static CachedPage page(String text) {
        byte[] body = ("<p>" + text + "<p>Green tea, slowly.".repeat(100)).getBytes(StandardCharsets.UTF_8);
        return CachedPage.of(body, "text/html; charset=utf-8", Set.of("site"), Instant.EPOCH);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Test
    void a_body_sent_often_is_sent_from_off_the_heap_with_the_same_bytes() {
        CachedPage page = page("tea");
        OffHeap offHeap = new OffHeap(1 << 20);
        Answers answers = Answers.of(List.of(), page, true, offHeap);

        for (int i = 1; i < Answers.OFF_HEAP_AFTER; i++) {
            ByteBuffer body = answers.plainBody();
            assertFalse(body.isDirect(), "send " + i);
            assertArrayEquals(page.body(), bytes(body));
        }
        ByteBuffer first = answers.plainBody();
        ByteBuffer second = answers.plainBody();

        assertTrue(first.isDirect());
        assertArrayEquals(page.body(), bytes(first));
        assertArrayEquals(page.body(), bytes(second), "each answer reads its own buffer");
        assertEquals(page.body().length, offHeap.used());
    }

    @Test
    void the_gzip_body_moves_off_the_heap_on_its_own_count() {
        CachedPage page = page("tea");
        OffHeap offHeap = new OffHeap(1 << 20);
        Answers answers = Answers.of(List.of(), page, true, offHeap);
        for (int i = 0; i < Answers.OFF_HEAP_AFTER; i++) answers.plainBody();

        ByteBuffer zipped = answers.gzipBody(page);
        for (int i = 1; i < Answers.OFF_HEAP_AFTER; i++) zipped = answers.gzipBody(page);

        assertTrue(zipped.isDirect());
        assertArrayEquals(page.gzip(), bytes(zipped));
        assertEquals(page.body().length + page.gzip().length, offHeap.used());
    }

    @Test
    void no_body_moves_off_the_heap_past_the_budget() {
        CachedPage tea = page("tea");
        CachedPage coffee = page("coffee");
        OffHeap offHeap = new OffHeap(tea.body().length + 10);
        Answers teaAnswers = Answers.of(List.of(), tea, true, offHeap);
        Answers coffeeAnswers = Answers.of(List.of(), coffee, true, offHeap);

        ByteBuffer teaBody = null;
        ByteBuffer coffeeBody = null;
        for (int i = 0; i < 3 * Answers.OFF_HEAP_AFTER; i++) {
            teaBody = teaAnswers.plainBody();
            coffeeBody = coffeeAnswers.plainBody();
        }

        assertTrue(teaBody.isDirect());
        assertFalse(coffeeBody.isDirect(), "over the budget");
        assertArrayEquals(coffee.body(), bytes(coffeeBody));
        assertEquals(tea.body().length, offHeap.used());
    }

    @Test
    void the_budget_comes_back_when_a_page_is_gone() throws InterruptedException {
        OffHeap offHeap = new OffHeap(1 << 20);
        Answers answers = Answers.of(List.of(), page("tea"), true, offHeap);
        for (int i = 0; i < Answers.OFF_HEAP_AFTER; i++) answers.plainBody();
        assertTrue(offHeap.used() > 0);

        answers = null;
        for (int i = 0; i < 200 && offHeap.used() > 0; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertEquals(0, offHeap.used());
    }
}
