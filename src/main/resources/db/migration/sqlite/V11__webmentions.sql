-- Webmentions received and sent, SQLite flavour. Keep in step with postgresql/V11.

-- One row per source and post: a mention sent again updates its row. status 'queued' has never been verified;
-- 'failed' never could be (reason says why). verify_after is set while a (re-)verification is due.
create table webmentions (
    id            integer primary key autoincrement,
    post_id       bigint  not null references posts (id) on delete cascade,
    source        text    not null,
    target        text    not null,
    status        text    not null check (status in ('queued', 'pending', 'approved', 'spam', 'failed')),
    kind          text    not null default 'mention' check (kind in ('like', 'repost', 'reply', 'mention')),
    author_name   text,
    author_url    text,
    author_photo  text,
    published_at  bigint,
    content       text,
    reason        text,
    token         text    not null unique,
    ip            text    not null default '',
    attempts      integer not null default 0,
    verify_after  bigint,
    received_at   bigint  not null,
    updated_at    bigint  not null,
    unique (source, post_id)
);
create index webmentions_post on webmentions (post_id, status);
create index webmentions_queue on webmentions (status, received_at);
create index webmentions_due on webmentions (verify_after);

-- Posts whose links must be looked at again (published, edited, unpublished). baseline: remember the links
-- without sending (a back-dated post going public).
create table webmention_send_queue (
    post_id   bigint  not null primary key references posts (id) on delete cascade,
    baseline  boolean not null default 0,
    queued_at bigint  not null
);

-- What was sent for each link of a post, so an unchanged link is not sent again on every edit. removed: the
-- link left the post; it is notified once more (so the receiver deletes its copy), then the row goes.
create table webmention_sends (
    post_id     bigint  not null references posts (id) on delete cascade,
    target      text    not null,
    state       text    not null check (state in ('due', 'sent', 'no_endpoint', 'failed', 'skipped')),
    removed     boolean not null default 0,
    attempts    integer not null default 0,
    next_try    bigint,
    last_status integer,
    reason      text,
    updated_at  bigint  not null,
    primary key (post_id, target)
);
create index webmention_sends_due on webmention_sends (state, next_try);
