-- wrk script for /zoeken: a new three-word query per request, so the output cache cannot answer it.
-- wrk -t2 -c64 -d10s -s tools/wrk-zoeken.lua http://127.0.0.1:PORT   (beside: wrk -t2 -c64 -d10s http://127.0.0.1:PORT/favicon.svg)
local words = {"eenzaamheid","ouderen","jongeren","buurt","wijk","armoede","schulden","vrijwilligers","gezondheid","veiligheid",
 "participatie","bewoners","gemeente","taal","sport","school","kinderen","wonen","werk","samenhang","mislukt","buurtkamer",
 "wijkschakelaar","preventie","mantelzorg","opbouwwerk","buurthuis","statushouders","digitaal","spreekuur","moestuin",
 "overlast","vertrouwen","initiatief","koffie","ontmoeting","netwerk","zorg","welzijn","aanpak"}
local n = 0
request = function()
  n = n + 1
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local c = words[math.random(#words)]
  return wrk.format("GET", "/zoeken?q=" .. a .. "+" .. b .. "+" .. c .. "&r=" .. n)
end
