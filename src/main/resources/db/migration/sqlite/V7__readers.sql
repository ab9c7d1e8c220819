-- Readers who sign in to comment (Google, GitHub, an OpenID Connect provider, or an emailed link). They are not
-- staff: staff live in users/sessions. Times are epoch milliseconds (UTC). Keep in step with postgresql/V7.
create table readers (
    id           integer primary key autoincrement,
    provider     text   not null,
    subject      text   not null,
    display_name text   not null,
    email        text,
    avatar_url   text,
    profile_url  text,
    created_at   bigint not null,
    updated_at   bigint not null,
    unique (provider, subject)
);

-- A reader's sign-in: the cookie holds a random id, the table only its SHA-256.
create table reader_sessions (
    id_hash    text   not null primary key,
    reader_id  bigint not null references readers (id) on delete cascade,
    created_at bigint not null,
    expires_at bigint not null
);
create index reader_sessions_reader on reader_sessions (reader_id);
create index reader_sessions_expires on reader_sessions (expires_at);

-- One-time sign-in links sent by email: valid 15 minutes, used once. Only the token's SHA-256 is kept.
create table reader_login_links (
    token_hash  text   not null primary key,
    email       text   not null,
    return_path text   not null,
    created_at  bigint not null,
    expires_at  bigint not null,
    used_at     bigint
);
create index reader_login_links_expires on reader_login_links (expires_at);

-- The signed-in reader who wrote a comment; a deleted reader leaves their kept comments as guest comments.
alter table comments add column reader_id bigint references readers (id) on delete set null;
create index comments_reader on comments (reader_id, status);
