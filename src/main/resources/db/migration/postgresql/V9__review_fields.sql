-- Review posts: what was reviewed is one of a closed set of schema.org types (ReviewKind in Java), and may
-- have its own address and a rating from 1 to 5 stars (whole stars). Kinds saved before the set was closed
-- become CreativeWork. The column is rebuilt because SQLite cannot add a CHECK to an existing column.
alter table posts add column review_kind_checked text
    check (review_kind_checked in ('Book', 'Movie', 'TVSeries', 'VideoGame', 'MusicAlbum', 'Game', 'Product',
                                   'Restaurant', 'Place', 'CreativeWork'));
update posts set review_kind_checked = case
    when review_kind in ('Book', 'Movie', 'TVSeries', 'VideoGame', 'MusicAlbum', 'Game', 'Product', 'Restaurant',
                         'Place', 'CreativeWork') then review_kind
    when review_kind is not null and review_kind <> '' then 'CreativeWork'
    end;
alter table posts drop column review_kind;
alter table posts rename column review_kind_checked to review_kind;
alter table posts add column review_url text;
alter table posts add column review_rating integer check (review_rating between 1 and 5);
