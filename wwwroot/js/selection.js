// "Mijn selectie" works without JavaScript: its address holds the list. With JavaScript the browser also remembers
// the last selection, so "Zet in mijn selectie" on any page adds to it instead of starting a new one.
(function () {
  "use strict";
  var key = "kennisplatform-selectie";
  var store;
  try { store = window.localStorage; } catch (e) { store = null; }

  var page = document.querySelector("[data-selection-page]");
  if (page && store) {
    var query = page.getAttribute("data-selection-query") || "";
    if (query) {
      store.setItem(key, query);
    } else if (!location.search) {
      var saved = store.getItem(key);
      var link = document.querySelector("[data-saved-selection]");
      if (saved && link) {
        link.querySelector("a").href = location.pathname + "?" + saved;
        link.hidden = false;
      }
    }
  }

  if (store) {
    var saved = store.getItem(key);
    document.querySelectorAll("a[data-add-to-selection]").forEach(function (link) {
      if (saved) link.href = link.href + "&" + saved;
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest(".js-only").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
