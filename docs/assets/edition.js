// Keep the reader's place when switching language. Paragraphs and notes have the same
// anchors in both languages (#p7, #fn:7), so the switch carries the one in view.
(function () {
  "use strict";

  var PLACES = 'p[id^="p"], li[id^="fn:"], [id^="page-"]';

  // The first paragraph or note whose top is in the upper part of the window.
  function placeInView() {
    var places = document.querySelectorAll(PLACES);
    for (var i = 0; i < places.length; i++) {
      var box = places[i].getBoundingClientRect();
      if (box.bottom > 64 && box.top < window.innerHeight / 2) return "#" + places[i].id;
    }
    return location.hash;
  }

  function withPlace(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = placeInView();
    link.href = url.href;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link) withPlace(link);
  }, true);
  // Keyboard and middle-click users get the same: update the links whenever the place moves.
  var pending = false;
  function update() {
    pending = false;
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(withPlace);
  }
  ["hashchange", "scroll"].forEach(function (name) {
    window.addEventListener(name, function () {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }, { passive: true });
  });
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(withPlace);
})();
