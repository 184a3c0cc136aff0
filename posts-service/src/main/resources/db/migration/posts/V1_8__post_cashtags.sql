-- The coins a post names ($BTC), each with its price in US dollars when the post first named it (issue 10). Written
-- from post-created and post-updated (the gateway resolves the symbols against the market data); no foreign keys, as
-- everywhere: the post's delete and the account closing delete its rows. created_at is when the post first named the
-- coin, so the coin page's "newest posts that mention it" is one descent of the (coin_uuid, created_at, post_id) index.
create table post_cashtags (
    post_id       uuid             not null,
    coin_uuid     varchar(255)     not null,
    symbol        varchar(20)      not null,
    price_at_post double precision not null,
    created_at    timestamptz      not null,
    primary key (post_id, coin_uuid)
);
create index post_cashtags_coin_newest_idx on post_cashtags (coin_uuid, created_at desc, post_id desc);
