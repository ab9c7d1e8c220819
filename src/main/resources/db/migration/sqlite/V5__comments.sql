-- Reader comments, SQLite flavour. Keep in step with postgresql/V5.
-- author_email is never shown publicly; ip and user_agent are kept for moderation only.
-- Deleting a comment keeps its replies: they start threads of their own.
create table comments (
    id           integer primary key autoincrement,
    post_id      bigint  not null references posts (id) on delete cascade,
    parent_id    bigint  references comments (id) on delete set null,
    depth        integer not null default 0,
    status       text    not null check (status in ('pending', 'approved', 'spam', 'trash')),
    author_name  text    not null,
    author_email text    not null,
    author_url   text,
    staff_id     bigint  references users (id) on delete set null,
    body_md      text    not null,
    body_html    text    not null,
    ip           text    not null default '',
    user_agent   text    not null default '',
    owner_hash   text,
    moderation_note  text,
    created_at   bigint  not null,
    updated_at   bigint  not null,
    -- first time readers could see it: followers are told once, however often it is unapproved and approved again
    approved_at  bigint
);
create index comments_thread on comments (post_id, status, created_at);
create index comments_queue on comments (status, created_at);
create index comments_email on comments (author_email, status);

-- "Notify me of follow-up comments": one row per post and address, removed by its unsubscribe link.
create table comment_followers (
    post_id    bigint not null references posts (id) on delete cascade,
    email      text   not null,
    token      text   not null unique,
    created_at bigint not null,
    primary key (post_id, email)
);

-- "Notify me of new posts": addresses that asked from the comment form; the subscriptions feature confirms them.
create table subscriber_requests (
    email      text   not null primary key,
    source     text   not null,
    created_at bigint not null
);
