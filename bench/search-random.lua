-- GET the list searching two random words of the seeded vocabulary (900 pairs): unlike a repeated query, about one
-- request in ten here finds no count to reuse and counts its matches in the database
local words = {"block", "chain", "miner", "wallet", "token", "ledger", "market", "price", "fee", "node", "hash",
  "gas", "yield", "pool", "bridge", "oracle", "swap", "vault", "consensus", "validator", "halving", "liquidity",
  "custody", "airdrop", "rollup", "sharding", "slippage", "arbitrage", "collateral", "volatility"}
init = function(args)
  math.randomseed(os.time())
end
request = function()
  return wrk.format("GET", "/api/posts/list/0/20/desc/createdAt?searchQuery=" .. words[math.random(#words)]
    .. "+" .. words[math.random(#words)])
end
