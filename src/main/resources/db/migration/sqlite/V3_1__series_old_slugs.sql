-- Old addresses of renamed series: /series/<slug>/ answers 301 to the series' current address.
-- Numbered 3.1 so it sorts after V2 without taking the V3 that other work in progress may claim.
create table series_slugs (
    slug      text   not null primary key,
    series_id bigint not null references series (id) on delete cascade
);
create index series_slugs_series on series_slugs (series_id);
