-- GET /api/posts/get/bench-<n> for a random seeded post (bench/posts passes the count as the first argument)
local count = 100000
init = function(args)
  count = tonumber(args[1]) or count
  math.randomseed(os.time())
end
request = function()
  return wrk.format("GET", "/api/posts/get/bench-" .. math.random(1, count))
end
