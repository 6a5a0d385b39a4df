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

  // --- Notes in the margin ---------------------------------------------------------------------
  // On a wide screen each note of the article (the author's and the editor's) also stands in
  // the margin beside the line that cites it, as in a printed edition. The list at the foot
  // stays for narrow screens, print and screen readers: the copies are hidden from screen
  // readers and their links from the keyboard. A note that would run into the next one is cut
  // short there, ending in "…": its whole text stays in the list and in the preview.
  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var GAP = 6;

  function copyOf(ref) {
    var note = document.getElementById(ref.getAttribute("href").slice(1));
    if (!note) return null;
    var copy = document.createElement("div");
    copy.className = "margin-note" + (ref.classList.contains("editor-note-ref") ? " margin-note--editor" : "");
    copy.setAttribute("data-for", ref.parentNode.id);
    var number = document.createElement("span");
    number.className = "margin-note__number";
    number.textContent = ref.textContent;
    copy.appendChild(number);
    note.querySelectorAll(":scope > p").forEach(function (p) {
      var part = p.cloneNode(true);
      part.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
      part.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
      part.querySelectorAll("a, button, [tabindex]").forEach(function (e) { e.setAttribute("tabindex", "-1"); });
      copy.appendChild(part);
    });
    return copy;
  }

  function placeMarginNotes() {
    var inner = document.querySelector(".md-content__inner");
    var refs = inner ? inner.querySelectorAll('p[id^="p"] a.footnote-ref') : [];
    if (!refs.length) return;
    var column = inner.querySelector(".margin-notes");
    if (!column) {
      column = document.createElement("div");
      column.className = "margin-notes";
      column.setAttribute("aria-hidden", "true");
      refs.forEach(function (ref) { var copy = copyOf(ref); if (copy) column.appendChild(copy); });
      inner.appendChild(column);
    }
    column.hidden = !WIDE.matches;
    // The margin is the notes' now: the table of contents, which would stand over them, steps aside.
    document.body.classList.toggle("with-margin-notes", !column.hidden);
    if (column.hidden) return;
    var box = inner.getBoundingClientRect();
    var text = inner.querySelector('p[id^="p"]').getBoundingClientRect();
    var left = text.right - box.left + 24;
    column.style.left = left + "px";
    column.style.width = Math.max(160, Math.min(320, document.documentElement.clientWidth - 16 - box.left - left)) + "px";
    var notes = Array.prototype.slice.call(column.children);
    notes.forEach(function (note) { note.style.maxHeight = ""; note.classList.remove("margin-note--cut"); });
    // Everything is read first, then written: one layout for the column, not one per note.
    var line = parseFloat(getComputedStyle(notes[0]).lineHeight) || 16;
    var wanted = notes.map(function (note) {
      return document.getElementById(note.getAttribute("data-for")).getBoundingClientRect().top - box.top - 3;
    });
    var heights = notes.map(function (note) { return note.offsetHeight; });
    var floor = 0;
    notes.forEach(function (note, i) {
      var top = Math.max(wanted[i], floor), height = heights[i];
      note.style.top = top + "px";
      if (i + 1 < notes.length) {
        var room = Math.max(wanted[i + 1] - top - GAP, line);
        if (height > room) {
          height = Math.floor(room / line) * line;
          note.style.maxHeight = height + "px";
          note.classList.add("margin-note--cut");
        }
      }
      floor = top + height + GAP;
    });
  }
  placeMarginNotes();
  window.addEventListener("resize", placeMarginNotes);  // crossing the wide screen's width too
  window.addEventListener("load", placeMarginNotes);

  // --- The text face, once the page has painted ----------------------------------------------
  // The text paints first in the reader's serif, scaled to the face (edition.css); then the
  // class calls the face in and the browser fetches the cuts the page shows. Once they are in,
  // the next pages call them in at once from the head: they are in the cache by then.
  var root = document.documentElement;
  function callTheFaceIn() {
    root.classList.add("edition-fonts");
    if (document.fonts) {
      document.fonts.addEventListener("loadingdone", function () {
        // In a private window the storage may refuse: the next page then waits for its paint again.
        try { localStorage.setItem("edition.fonts", "1"); } catch (e) { return; }
      });
    }
  }
  function afterPaint() {  // two frames: the first paint is behind us
    requestAnimationFrame(function () { requestAnimationFrame(callTheFaceIn); });
  }
  if (!root.classList.contains("edition-fonts")) {
    if (document.readyState === "complete") afterPaint();
    else window.addEventListener("load", afterPaint);
  }
  if (document.fonts) {  // the lines move when the face comes: the margin follows them
    document.fonts.ready.then(placeMarginNotes);
    document.fonts.addEventListener("loadingdone", placeMarginNotes);
  }

  // --- The access date of a GOST reference is the reader's today -----------------------------
  var today = new Date();
  var stamp = ("0" + today.getDate()).slice(-2) + "." + ("0" + (today.getMonth() + 1)).slice(-2) +
    "." + today.getFullYear();
  document.querySelectorAll(".access-date").forEach(function (span) { span.textContent = stamp; });
})();
