-- Tables owned by the crypto-rates-service.

create table cryptocurrencies (
    id              uuid             primary key,
    uuid            varchar(255)     not null unique,
    symbol_id       varchar(255)     unique,
    symbol          varchar(255)     not null,
    name            varchar(255)     not null,
    description     text,
    icon_url        varchar(255)     not null,
    -- numeric, not the original's varchar, so sorting by volume is numeric (contract F17)
    volume_24h      numeric(40, 2)   not null,
    market_cap      numeric(40, 0)   not null,
    price           double precision not null,
    btc_price       double precision not null,
    change          double precision,
    coinranking_url varchar(255)     not null,
    sparkline       varchar(255)[]   not null default '{}',
    rank            integer          not null,
    tier            integer          not null,
    created_at      timestamptz      not null default now(),
    updated_at      timestamptz      not null default now()
);
create index cryptocurrencies_rank_idx on cryptocurrencies (rank);
create index cryptocurrencies_name_idx on cryptocurrencies (lower(name));
create index cryptocurrencies_symbol_idx on cryptocurrencies (lower(symbol));

-- one row per favourite (the original kept one array per user, with duplicates)
create table favorite_coins (
    user_id    uuid         not null,
    coin_uuid  varchar(255) not null,
    created_at timestamptz  not null default now(),
    primary key (user_id, coin_uuid)
);
create index favorite_coins_coin_uuid_idx on favorite_coins (coin_uuid);

-- a single row, replaced in one statement (the original truncated, then inserted: an empty read in between)
create table market_stats (
    id                 uuid         primary key,
    total              integer      not null,
    total_coins        integer      not null,
    total_markets      integer      not null,
    total_exchanges    integer      not null,
    total_market_cap   varchar(255) not null,
    total_daily_volume varchar(255) not null,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

create table crypto_processed_events (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
