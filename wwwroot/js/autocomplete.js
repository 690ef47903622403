// Progressive enhancement: fills the shared <datalist> with suggestions while someone types in a search box.
// Without JavaScript the search boxes are plain inputs and everything still works.
(function () {
  "use strict";
  var list = document.getElementById("zoek-suggesties");
  if (!list || !window.fetch) { return; }
  var timer = null;
  var last = "";

  function fill(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.text;
      list.appendChild(option);
    });
  }

  function suggest(value) {
    if (value === last) { return; }
    last = value;
    if (value.trim().length < 2) { fill([]); return; }
    fetch("/api/v1/search/suggest?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (value === last) { fill(data.suggestions || []); } })
      .catch(function () { fill([]); });
  }

  document.querySelectorAll("input[list='zoek-suggesties']").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input.value); }, 150);
    });
  });
})();
