-- prints one machine-readable line: req/s, p50 ms, p99 ms, errors (non-2xx and socket errors), requests, p95 ms
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %.2f\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests, latency:percentile(95) / 1000))
end
