-- The crypto-rates-service's rebuild scope: what `./cryptotalks rebuild crypto-rates-service` (common's
-- rebuild.Rebuild) empties, in one transaction, once the consumer group is back at the earliest offsets of
-- cryptotalks.favourites and cryptotalks.users; the restarted worker then applies every event again. Only the
-- favourites are a projection of the log: the market tables (cryptocurrencies, market_stats, price_history) come from
-- the provider sync and stay, except each coin's likes, which count its favorite_coins rows and are counted again.
truncate table favorite_coins;
update cryptocurrencies set likes = 0 where likes <> 0;
-- every type the crypto-rates-service applies (CryptoEvents), so each applies again
delete from crypto_processed_events
where event_type in ('coin-favourited', 'coin-unfavourited', 'user-account-closed');
