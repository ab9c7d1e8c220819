-- Outgoing mail waiting for, or done with, the outbox job. Times are epoch milliseconds (UTC).
-- Keep in step with postgresql/V6. (V5 belongs to comments.)
create table mail_outbox (
    id              integer primary key autoincrement,
    to_address      text    not null,
    subject         text    not null,
    body_text       text    not null,
    body_html       text,
    unsubscribe_url text,
    status          text    not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at bigint  not null,
    last_attempt_at bigint,
    last_error      text,
    created_at      bigint  not null,
    sent_at         bigint
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'queued';
create index mail_outbox_failed on mail_outbox (last_attempt_at) where status = 'failed';
