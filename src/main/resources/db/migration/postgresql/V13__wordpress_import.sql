-- WordPress imports. Which WordPress ids became which Kioku rows, per exporting site, so running the same import
-- again adds nothing twice (kioku_id is null for an item seen and reported but not stored, such as an
-- attachment whose file was missing). Keep in step with the other engine's V13.
create table wordpress_ids (
    site     text   not null,
    kind     text   not null check (kind in ('author', 'post', 'attachment', 'comment')),
    wp_id    bigint not null,
    kioku_id bigint,
    primary key (site, kind, wp_id)
);

-- Old addresses with a fixed new home: /category/x/ → /tag/x/, an attachment page → its image. Old addresses
-- of posts live in redirects (they follow the post when its slug changes).
create table old_urls (
    from_path text not null primary key,
    to_path   text not null
);

-- Slugs are checked across posts and pages (the unique index starts with kind): imports check thousands.
create index posts_slug on posts (slug);
