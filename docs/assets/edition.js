// The edition's few behaviours in the reader's browser. Everything works without them.
(function () {
  "use strict";

  // --- Language switch: keep the reader's place --------------------------------------------
  // Paragraphs, notes and editor's notes have the same anchors in both languages (#p7, #fn:7,
  // #ed-ID), so the switch carries the one in view.

  var PLACES = 'p[id^="p"], li[id^="fn:"], li[id^="ed-"]';

  // The paragraph or note being read: the last one that begins above a reading line a
  // little below the header (the top of a paragraph opened by #p7 sits just under it).
  var READING_LINE = 120;

  function placeInView() {
    var places = document.querySelectorAll(PLACES);
    var found = null;
    for (var i = 0; i < places.length; i++) {
      if (places[i].getBoundingClientRect().top > READING_LINE) break;
      found = places[i];
    }
    return found ? "#" + found.id : "";
  }

  function withPlace(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = placeInView();
    link.href = url.href;
  }

  function updateLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(withPlace);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link) withPlace(link);
  }, true);
  // Keyboard and middle-click users get the same: the links follow the place as it moves.
  var pending = false;
  ["hashchange", "scroll"].forEach(function (name) {
    window.addEventListener(name, function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () { pending = false; updateLanguageLinks(); });
      }
    }, { passive: true });
  });
  updateLanguageLinks();

  // --- <link rel="alternate"> back in place ----------------------------------------------------
  // The head set them aside so that Material would not look for sitemaps beside them
  // (overrides/main.html); reference managers read them from the running page.
  function restoreAlternates() {
    document.querySelectorAll('link[data-rel="alternate"]').forEach(function (link) {
      link.setAttribute("rel", "alternate");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(restoreAlternates);  // runs after Material's own subscriber
  } else {
    restoreAlternates();
  }

  // --- The search panel is a dialog: it needs a name (the search box's own label) ------------
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var searchBox = document.querySelector(".md-search__input");
  if (dialog && searchBox && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", searchBox.getAttribute("aria-label") || searchBox.placeholder);
  }

  // --- The access date of a GOST reference is the reader's today -----------------------------
  var today = new Date();
  var stamp = ("0" + today.getDate()).slice(-2) + "." + ("0" + (today.getMonth() + 1)).slice(-2) +
    "." + today.getFullYear();
  document.querySelectorAll(".access-date").forEach(function (span) { span.textContent = stamp; });
})();
