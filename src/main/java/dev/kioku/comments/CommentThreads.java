package dev.kioku.comments;

import dev.kioku.admin.Fields;
import dev.kioku.content.Post;
import dev.kioku.readers.Readers;
import dev.kioku.readers.SignInChoice;
import dev.kioku.site.SiteSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a post's approved comments into the threads readers see: nested under their parents, top-level
 * threads paged ({@link DiscussionSettings#perPage()} to a page, oldest first), and answers which page a
 * comment is on (for {@code /comments/ID} links in emails and the admin).
 */
public final class CommentThreads {
    private final Comments comments;
    private final BiFunction<String, String, String> avatars;
    private final Function<Post, String> permalinks;
    private final String scriptUrl;
    /** Opens a provider's sign-in in a popup (reader-sign-in.js). */
    private final String signInScriptUrl;
    private final Function<String, List<SignInChoice>> signIn;

    /**
     * @param avatars the avatar URL for an email and name
     * @param permalinks a public post's URL
     * @param scriptUrl the comment form's script (remembered details, replies in place, "awaiting moderation")
     * @param signIn the ways to sign in offered under the form, for the page to come back to
     *               ({@link dev.kioku.readers.Readers#choices})
     */
    public CommentThreads(Comments comments, BiFunction<String, String, String> avatars, Function<Post, String> permalinks,
                          String scriptUrl, Function<String, List<SignInChoice>> signIn, String signInScriptUrl) {
        this.signInScriptUrl = signInScriptUrl;
        this.comments = comments;
        this.avatars = avatars;
        this.permalinks = permalinks;
        this.scriptUrl = scriptUrl;
        this.signIn = signIn;
    }

    /**
     * One page of a post's comments with the form.
     *
     * @param page 1 for the post page itself
     * @param form what the refused form held, or {@link Fields#empty()}
     * @return the section; its threads are empty past the last page
     */
    public CommentSection section(Post post, SiteSettings site, int page, Fields form) {
        Tree tree = tree(post.id());
        int per = comments.settings().perPage();
        int from = Math.min((page - 1) * per, tree.roots.size());
        int to = Math.min(from + per, tree.roots.size());
        int depth = comments.settings().threadDepth();
        List<CommentView> threads = new ArrayList<>();
        for (Comment root : tree.roots.subList(from, to)) threads.add(view(root, tree, post, site, depth));
        boolean open = comments.isOpen(post);
        String postUrl = permalinks.apply(post);
        String older = page <= 1 ? null : page == 2 ? postUrl + "#comments" : pageUrl(post.id(), page - 1);
        String newer = to < tree.roots.size() ? pageUrl(post.id(), page + 1) : null;
        return new CommentSection(post.id(), postUrl, tree.count, threads, open, form, null, null, older, newer, page,
                "/comments/" + post.id() + "/feed/", scriptUrl, signIn.apply(postUrl), signInScriptUrl);
    }

    /** The section of the no-script reply page: the comment replied to, and the form under it. */
    public CommentSection replyTo(Comment parent, Post post, SiteSettings site, Fields form) {
        int depth = comments.settings().threadDepth();
        CommentView one = single(parent, post, site, depth);
        return new CommentSection(post.id(), permalinks.apply(post), 1, List.of(one), comments.isOpen(post), form,
                parent.id(), parent.authorName(), null, null, 1, "/comments/" + post.id() + "/feed/", scriptUrl,
                signIn.apply(permalinks.apply(post)), signInScriptUrl);
    }

    /** A comment without its replies, as its writer sees it (held ones marked). */
    public CommentView single(Comment c, Post post, SiteSettings site, int depth) {
        return new CommentView(c.id(), c.authorName(), CommentRows.webAddress(c.authorUrl()), avatar(c),
                c.staffId() != null && c.staffId() == post.authorId(), site.date(c.createdAt()), site.isoDate(c.createdAt()),
                c.bodyHtml(), c.depth() + 1 < depth ? "/comments/" + c.id() + "/reply/" : null, !c.isPublic(), List.of());
    }

    /** A signed-in reader's own picture when their provider gave one (https only), else Gravatar or the identicon. */
    private String avatar(Comment c) {
        if (c.readerId() != null && c.readerAvatarUrl() != null && c.readerAvatarUrl().startsWith("https://")) return c.readerAvatarUrl();
        return avatars.apply(Readers.isPlaceholder(c.authorEmail()) ? null : c.authorEmail(), c.authorName());
    }

    /** Where an approved comment is shown: its post, or the page of comments holding its thread, with the anchor. */
    public String location(Comment c, Post post) {
        // most posts fit one page: one count instead of reading the whole thread on every comment sent
        if (comments.counts(java.util.List.of(post.id())).getOrDefault(post.id(), 0) <= comments.settings().perPage()) {
            return permalinks.apply(post) + "#comment-" + c.id();
        }
        Tree tree = tree(post.id());
        Comment root = c;
        Map<Long, Comment> byId = tree.byId;
        while (root.parentId() != null && byId.containsKey(root.parentId())) root = byId.get(root.parentId());
        int index = tree.roots.indexOf(root);
        int page = index < 0 ? 1 : index / comments.settings().perPage() + 1;
        return (page == 1 ? permalinks.apply(post) : pageUrl(post.id(), page)) + "#comment-" + c.id();
    }

    /** Approved comment counts for these posts (absent: none), for post lists. */
    public Map<Long, Integer> counts(java.util.Collection<Long> postIds) {
        return comments.counts(postIds);
    }

    static String pageUrl(long postId, int page) {
        return "/comments/" + postId + "/page/" + page + "/";
    }

    private CommentView view(Comment c, Tree tree, Post post, SiteSettings site, int depth) {
        List<CommentView> replies = new ArrayList<>();
        for (Comment child : tree.children.getOrDefault(c.id(), List.of())) replies.add(view(child, tree, post, site, depth));
        CommentView one = single(c, post, site, depth);
        return new CommentView(one.id(), one.authorName(), one.authorUrl(), one.avatarUrl(), one.byPostAuthor(), one.date(),
                one.isoDate(), one.bodyHtml(), one.replyUrl(), false, replies);
    }

    private record Tree(List<Comment> roots, Map<Long, List<Comment>> children, Map<Long, Comment> byId, int count) {
    }

    /** Replies whose parent is not public (trashed, held) start threads of their own rather than vanish. */
    private Tree tree(long postId) {
        List<Comment> all = comments.approved(postId);
        Map<Long, Comment> byId = new LinkedHashMap<>();
        for (Comment c : all) byId.put(c.id(), c);
        List<Comment> roots = new ArrayList<>();
        Map<Long, List<Comment>> children = new HashMap<>();
        for (Comment c : all) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            else roots.add(c);
        }
        return new Tree(roots, children, byId, all.size());
    }
}
