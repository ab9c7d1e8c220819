-- Kioku schema, SQLite flavour. Times are epoch milliseconds (UTC). Keep in step with postgresql/V1.
create table users (
    id            integer primary key autoincrement,
    email         text    not null unique,
    password_hash text,
    role          text    not null check (role in ('owner', 'editor', 'author', 'contributor')),
    display_name  text    not null,
    slug          text    not null unique,
    bio           text    not null default '',
    avatar_url    text,
    public_email  text,
    created_at    bigint  not null
);

create table user_links (
    user_id  bigint  not null references users (id) on delete cascade,
    position integer not null,
    label    text    not null,
    url      text    not null,
    primary key (user_id, position)
);

create table media (
    id         integer primary key autoincrement,
    path       text    not null unique,
    mime       text    not null,
    width      integer not null,
    height     integer not null,
    bytes      bigint  not null,
    alt        text    not null default '',
    caption    text    not null default '',
    created_at bigint  not null
);

create table posts (
    id                integer primary key autoincrement,
    kind              text    not null check (kind in ('post', 'page')),
    title             text    not null,
    slug              text    not null,
    body_md           text    not null,
    body_html         text    not null,
    excerpt           text    not null,
    words             integer not null,
    status            text    not null check (status in ('draft', 'scheduled', 'published')),
    published_at      bigint,
    created_at        bigint  not null,
    updated_at        bigint  not null,
    author_id         bigint  not null references users (id),
    featured_media_id bigint  references media (id) on delete set null,
    comments_open     boolean not null default 1,
    review_title      text,
    review_year       integer,
    review_creator    text,
    review_kind       text,
    unique (kind, slug)
);
create index posts_listing on posts (kind, status, published_at);
create index posts_author on posts (author_id, status, published_at);

create table redirects (
    from_path text   not null primary key,
    post_id   bigint not null references posts (id) on delete cascade
);

create table tags (
    id          integer primary key autoincrement,
    slug        text not null unique,
    name        text not null,
    description text not null default ''
);

create table post_tags (
    post_id bigint not null references posts (id) on delete cascade,
    tag_id  bigint not null references tags (id) on delete cascade,
    primary key (post_id, tag_id)
);
create index post_tags_tag on post_tags (tag_id, post_id);

create table series (
    id               integer primary key autoincrement,
    slug             text   not null unique,
    title            text   not null,
    description_md   text   not null default '',
    description_html text   not null default '',
    created_at       bigint not null,
    updated_at       bigint not null
);

create table series_parts (
    id            integer primary key autoincrement,
    series_id     bigint  not null references series (id) on delete cascade,
    position      integer not null,
    post_id       bigint  unique references posts (id) on delete set null,
    planned_title text,
    planned_note  text    not null default '',
    check (post_id is not null or planned_title is not null)
);
create index series_parts_order on series_parts (series_id, position);

create table settings (
    name  text not null primary key,
    value text not null
);
