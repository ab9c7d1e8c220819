-- Indexes for blogs of 100,000 posts (issue 8, growth). Keep in step with the other engine's V16.
-- The sitemap lists public posts a thousand at a time in id order: without this index each part sorted every
-- public post to take its thousand.
create index posts_public_by_id on posts (kind, status, id);
-- The sitemap dates each author's archive by their newest change: with this index that is read from the index alone,
-- not from every post's row (a row holds the post's text; at 100,000 posts that read a gigabyte).
create index posts_author_changes on posts (kind, status, author_id, updated_at);
