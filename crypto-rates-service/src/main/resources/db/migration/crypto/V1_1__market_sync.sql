-- The market sync (issue 7): maintained favourite counts, typo-tolerant search, price history, the sample flag and
-- the lock that keeps the sync to one instance.

-- trusted since PostgreSQL 13: the database owner may create it
create extension if not exists pg_trgm;

-- kept exact by the favourite events in the same transaction as the favorite_coins row (ordering by likes reads it)
alter table cryptocurrencies add column likes integer not null default 0;
-- when the worker last asked CoinGecko for the description, so an empty one is not asked for on every run
alter table cryptocurrencies add column description_fetched_at timestamptz;
create index cryptocurrencies_name_trgm_idx on cryptocurrencies using gin (lower(name) gin_trgm_ops);
create index cryptocurrencies_symbol_trgm_idx on cryptocurrencies using gin (lower(symbol) gin_trgm_ops);

-- one point per coin per sync; older points are thinned by the worker
create table price_history (
    coin_uuid  varchar(255)     not null,
    at         timestamptz      not null,
    price      double precision not null,
    market_cap numeric(40, 0)   not null,
    primary key (coin_uuid, at)
);

-- true while the market is the bundled sample (no Coinranking key)
alter table market_stats add column sample boolean not null default false;

-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one row per scheduled job
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
