-- Indexes for blogs of 100,000 posts (issue 8, growth). Keep in step with the other engine's V16.
-- The sitemap lists public posts a thousand at a time in id order: without this index each part sorted every
-- public post to take its thousand.
create index posts_public_by_id on posts (kind, status, id);
