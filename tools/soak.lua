-- Mixed load for tools/soak.sh: public pages, varied searches (a new query string each time, so the cache cannot
-- answer them all), the API with varied pages and filters, feeds, the sitemap and the exports.
local paths = {
  "/", "/praktijkvoorbeelden", "/interventies", "/wijkschakelaars", "/bijeenkomsten", "/themas", "/principes",
  "/sitemap.xml", "/robots.txt", "/feeds/alles.atom", "/api/v1/cases", "/api/v1/interventions?page=1&pageSize=5",
  "/api/v1/export.csv", "/api/v1/export.json", "/bijeenkomsten/agenda.ics",
}
local words = { "eenzaamheid", "ouderen", "jongeren", "buurt", "wijk", "veiligheid", "gezondheid", "taalcafe",
  "schakelaar", "initiatieven", "bewoners", "armoede", "sport", "groen", "schuldhulp" }
local n = 0
request = function()
  n = n + 1
  local r = n % 10
  if r < 4 then
    return wrk.format("GET", paths[(n % #paths) + 1])
  elseif r < 7 then
    return wrk.format("GET", "/zoeken?q=" .. words[(n % #words) + 1] .. "+" .. words[((n * 7) % #words) + 1] .. "&pagina=" .. (n % 3 + 1))
  elseif r < 9 then
    return wrk.format("GET", "/api/v1/search?q=" .. words[(n % #words) + 1] .. "&page=" .. (n % 4 + 1) .. "&x=" .. n)
  else
    return wrk.format("GET", paths[(n % #paths) + 1] .. "?utm=" .. n)
  end
end
local errors = 0
response = function(status, headers, body)
  if status >= 500 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, 5xx %d, socket errors %d/%d/%d/%d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, errors, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
