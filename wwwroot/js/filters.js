// On a small screen the overview's filters fold away until asked for, so the first results show without scrolling;
// once a filter is chosen they stay open, showing what was chosen. Without JavaScript they are simply open.
(() => {
  if (!window.matchMedia("(max-width: 40em)").matches) return;
  for (const details of document.querySelectorAll("details[data-filters]")) {
    if (details.dataset.filtered !== "ja") details.open = false;
  }
})();
