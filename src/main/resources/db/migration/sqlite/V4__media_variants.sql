-- Smaller copies of each image (480, 960, 1600 px wide) for srcset, the name it was uploaded under, and who
-- uploaded it: authors may change only their own images, as in WordPress. Variant files sit beside the
-- original and go with it.
alter table media add column original_name text not null default '';
alter table media add column uploaded_by bigint references users (id) on delete set null;

create table media_variants (
    media_id bigint  not null references media (id) on delete cascade,
    width    integer not null,
    height   integer not null,
    path     text    not null unique,
    bytes    bigint  not null,
    primary key (media_id, width)
);

create index media_newest on media (created_at, id);
