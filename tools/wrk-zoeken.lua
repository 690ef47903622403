-- wrk script for /zoeken: a new three-word query per request, so the output cache cannot answer it.
-- wrk -t2 -c64 -d10s -s tools/wrk-zoeken.lua http://127.0.0.1:PORT   (beside: wrk -t2 -c64 -d10s http://127.0.0.1:PORT/favicon.svg)
-- Each thread seeds its own random numbers from the clock and its number, and every address carries the thread and
-- a counter: without that, LuaJIT's fixed seed gives every thread, and every run, the same sequence of queries, and
-- the output cache answers the repeats.
local words = {"eenzaamheid","ouderen","jongeren","buurt","wijk","armoede","schulden","vrijwilligers","gezondheid","veiligheid",
 "participatie","bewoners","gemeente","taal","sport","school","kinderen","wonen","werk","samenhang","mislukt","buurtkamer",
 "wijkschakelaar","preventie","mantelzorg","opbouwwerk","buurthuis","statushouders","digitaal","spreekuur","moestuin",
 "overlast","vertrouwen","initiatief","koffie","ontmoeting","netwerk","zorg","welzijn","aanpak"}
local counter = 0
local all = {}
id = 0
run = 0

-- Runs once per thread before it starts: its number and the run's clock, and the thread kept for done().
setup = function(thread)
  table.insert(all, thread)
  thread:set("id", #all)
  thread:set("run", os.time())
end

init = function(args)
  math.randomseed(run * 100 + id)
end

request = function()
  counter = counter + 1
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local c = words[math.random(#words)]
  return wrk.format("GET", "/zoeken?q=" .. a .. "+" .. b .. "+" .. c .. "&r=" .. run .. "-" .. id .. "-" .. counter)
end

-- Responses the output cache answered carry an Age header; the benchmark prints how many there were (it should be 0).
cached, answered = 0, 0
response = function(status, headers, body)
  answered = answered + 1
  if headers["Age"] ~= nil then cached = cached + 1 end
end

done = function(summary, latency, requests)
  local c, a = 0, 0
  for _, thread in ipairs(all) do
    c = c + thread:get("cached")
    a = a + thread:get("answered")
  end
  io.write(string.format("answered from the output cache: %d of %d\n", c, a))
end
