-- The gateway's @ autocomplete (GET /api/user/suggest): confirmed users whose lower-case name starts with a prefix,
-- first 8 in order. A btree in the "C" collation serves LIKE 'prefix%' as an index range and returns the rows in
-- that order (the default collation's users_username_key can do neither for LIKE); partial: only confirmed accounts.
create index users_username_prefix_idx on users ((lower(username) collate "C")) where account_confirm;
