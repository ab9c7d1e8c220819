package dev.kioku.blog;

/** Links to newer and older pages of a listing; either is null at the ends. */
public record Pager(int page, int pages, String newerUrl, String olderUrl) {
    static Pager of(String base, int page, int total, int perPage) {
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        String newer = page <= 1 ? null : page == 2 ? base : base + "page/" + (page - 1) + "/";
        String older = page >= pages ? null : base + "page/" + (page + 1) + "/";
        return new Pager(page, pages, newer, older);
    }

    public boolean shown() {
        return pages > 1;
    }
}
