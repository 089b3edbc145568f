/* Finsam faktabank: the glossary's explanations (<abbr title="…">) as tooltips that work with a keyboard.
   Self-hosted, no dependencies, progressive enhancement: without JavaScript the browser shows the title on hover.

   WCAG 2.1.1 (keyboard) and 1.4.13 (content on hover or focus): every term can be reached with Tab and shows
   its explanation on focus as well as on hover; the explanation stays while the pointer moves onto it and
   while the term has focus; Escape closes it without moving focus or pointer. The title is moved to
   data-fb-forklaring before Material's own tooltips are set up (this script runs before the page's
   DOMContentLoaded), so there is one tooltip, this one. While it shows, the term is described by it
   (aria-describedby), so a screen reader reads the explanation too. */
(function () {
  "use strict";

  var terms = document.querySelectorAll(".md-typeset abbr[title]");
  if (!terms.length) {
    return;
  }
  var tip = document.createElement("div");
  tip.id = "fb-tooltip";
  tip.className = "fb-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  (document.querySelector("main") || document.body).appendChild(tip);  // inside the main landmark

  var current = null;   // the term whose explanation shows
  var hovered = false;  // the pointer is over the term or the tooltip
  var closing = null;   // a pending close after the pointer left

  function place(term) {
    var r = term.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(320, width - 16) + "px";
    var left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
    var base = (tip.offsetParent || document.body).getBoundingClientRect();  // where "absolute" is measured from
    tip.style.left = left - base.left + "px";
    tip.style.top = r.bottom - base.top + "px";
  }

  function show(term) {
    clearTimeout(closing);
    if (current && current !== term) {
      current.removeAttribute("aria-describedby");
    }
    current = term;
    tip.textContent = term.getAttribute("data-fb-forklaring");
    tip.hidden = false;
    place(term);
    term.setAttribute("aria-describedby", tip.id);
  }

  function hide() {
    clearTimeout(closing);
    tip.hidden = true;
    if (current) {
      current.removeAttribute("aria-describedby");
    }
    current = null;
  }

  function leave() {  // the pointer left the term or the tooltip: close unless it went to the other, or focus holds it
    hovered = false;
    clearTimeout(closing);
    closing = setTimeout(function () {
      if (!hovered && current && current !== document.activeElement) {
        hide();
      }
    }, 300);
  }

  Array.prototype.forEach.call(terms, function (term) {
    term.setAttribute("data-fb-forklaring", term.getAttribute("title"));
    term.removeAttribute("title");
    term.tabIndex = 0;
    term.addEventListener("mouseenter", function () { hovered = true; show(term); });
    term.addEventListener("mouseleave", leave);
    term.addEventListener("focus", function () { show(term); });
    term.addEventListener("blur", function () {
      if (current === term && !hovered) {
        hide();
      }
    });
  });
  tip.addEventListener("mouseenter", function () { hovered = true; clearTimeout(closing); });
  tip.addEventListener("mouseleave", leave);
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && current) {
      hide();
    }
  });
  window.addEventListener("resize", function () {
    if (current) {
      place(current);
    }
  });
})();
