-- Email subscriptions: readers who asked for new posts by email (double opt-in), what they follow, and the
-- exactly-once ledger of post mails. Times are epoch milliseconds (UTC). Keep in step with postgresql/V10.
create table subscribers (
    id                  integer primary key autoincrement,
    email               text    not null,
    status              text    not null check (status in ('pending', 'confirmed', 'unsubscribed')),
    source              text    not null,
    created_at          bigint  not null,
    confirmed_at        bigint,
    -- every post since this moment (null: only the series in subscriber_series)
    all_posts_since     bigint,
    -- asked for every post; becomes all_posts_since when the address confirms
    all_posts_requested boolean not null default 0,
    -- the SHA-256 of the single-use confirmation link's token, and when it was mailed (one per hour at most)
    confirm_hash        text    unique,
    confirm_sent_at     bigint
);
create unique index subscribers_email on subscribers (lower(email));

-- Series a subscriber follows; since is null until the address confirms it.
create table subscriber_series (
    subscriber_id bigint not null references subscribers (id) on delete cascade,
    series_id     bigint not null references series (id) on delete cascade,
    since         bigint,
    primary key (subscriber_id, series_id)
);

-- One per post, made when the post first becomes public; 'skipped' for back-dated posts, so re-publishing never mails.
create table post_mailings (
    post_id     bigint not null primary key references posts (id) on delete cascade,
    status      text   not null check (status in ('sending', 'done', 'skipped')),
    created_at  bigint not null,
    finished_at bigint
);
create index post_mailings_sending on post_mailings (created_at) where status = 'sending';

-- The exactly-once ledger: a row is written in the same transaction that queues the subscriber's mail.
-- Each mail's unsubscribe link carries its own token; only its SHA-256 is kept.
create table post_deliveries (
    post_id          bigint not null references posts (id) on delete cascade,
    subscriber_id    bigint not null references subscribers (id) on delete cascade,
    unsubscribe_hash text   not null unique,
    created_at       bigint not null,
    primary key (post_id, subscriber_id)
);
create index post_deliveries_subscriber on post_deliveries (subscriber_id);

-- Posts public before this feature existed were never announced and never will be.
insert into post_mailings (post_id, status, created_at, finished_at)
select id, 'skipped', coalesce(published_at, created_at), coalesce(published_at, created_at)
from posts where kind = 'post' and status = 'published';

-- Addresses the comment form took before subscriptions existed: kept as pending (they get nothing until they
-- subscribe again and confirm).
insert into subscribers (email, status, source, created_at)
select email, 'pending', source, created_at from subscriber_requests where true
on conflict do nothing;
drop table subscriber_requests;
