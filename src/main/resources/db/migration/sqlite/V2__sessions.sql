-- Staff sign-in sessions. The cookie holds a random token; only its SHA-256 is stored.
create table sessions (
    id_hash    text   not null primary key,
    user_id    bigint not null references users (id) on delete cascade,
    created_at bigint not null,
    seen_at    bigint not null,
    expires_at bigint not null
);
create index sessions_user on sessions (user_id);
