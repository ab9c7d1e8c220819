-- Writing in the admin: custom excerpts, edit versions, private preview links, revisions, and the table
-- db-scheduler keeps its tasks in. Keep in step with postgresql/V3.

-- The writer's own excerpt, or null for the automatic one (posts.excerpt holds whichever is shown).
alter table posts add column custom_excerpt text;
-- Bumped by every saved edit; a save that names an older version is refused (two people, one post).
alter table posts add column version bigint not null default 1;
-- Secret of the post's private preview link (/preview/TOKEN/); made on first use.
alter table posts add column preview_token text;
create unique index posts_preview_token on posts (preview_token);
-- Scheduled posts whose time has come.
create index posts_due on posts (status, published_at);

create table post_revisions (
    id             integer primary key autoincrement,
    post_id        bigint  not null references posts (id) on delete cascade,
    reason         text    not null check (reason in ('save', 'autosave')),
    title          text    not null,
    slug           text    not null,
    body_md        text    not null,
    custom_excerpt text,
    tags           text    not null default '',
    saved_by       bigint  references users (id) on delete set null,
    created_at     bigint  not null
);
create index post_revisions_post on post_revisions (post_id, id);

-- db-scheduler 16 (its sqlite_tables.sql); times are stored by the JDBC driver as epoch milliseconds.
create table scheduled_tasks (
    task_name            text    not null,
    task_instance        text    not null,
    task_data            blob,
    execution_time       timestamp not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp,
    last_failure         timestamp,
    consecutive_failures integer,
    last_heartbeat       timestamp,
    version              bigint  not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);
