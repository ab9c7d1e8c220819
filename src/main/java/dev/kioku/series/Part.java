package dev.kioku.series;

/**
 * One slot of a series: a post, or a planned part announced before it is written (a title, no post yet).
 *
 * @param postId       the post filling this slot, or null while planned
 * @param plannedTitle the announced title, or null when the slot was created from a post
 */
record Part(long id, long seriesId, int position, Long postId, String plannedTitle, String plannedNote) {
}
