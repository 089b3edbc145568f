/* Finsam faktabank: sortable tables. Self-hosted, no dependencies, progressive enhancement:
   without JavaScript the tables read as they are.

   Every table with class "fb-sortable" gets a button in each column header (keyboard: Tab, Enter/Space).
   A cell sorts by its data-sort attribute when it has one, otherwise by its text read as a Swedish number
   ("4 512 tkr", "−59", "14,6 %"), otherwise as Swedish text. Empty cells and "uppgift saknas" always sort
   last, whichever the direction. The header's aria-sort tells assistive technology the current order. */
(function () {
  "use strict";

  var collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });

  /* "4 512 tkr" → 4512, "−1 865" → -1865, "14,6 %" → 14.6, "ca 11 %" → 11; anything else → null */
  function swedishNumber(text) {
    var t = String(text).replace(/^ca\s+/i, "").replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
    t = t.replace(/(tkr|kkr|kr|%|procent)$/i, "");
    if (!/^[-+]?\d+(,\d+)?$/.test(t)) {
      return null;
    }
    return parseFloat(t.replace(",", "."));
  }

  function sortKey(cell) {
    if (!cell) {
      return { missing: true };
    }
    var attr = cell.getAttribute("data-sort");
    if (attr !== null && attr !== "") {
      var fromAttr = Number(attr);
      return isNaN(fromAttr) ? { text: attr } : { num: fromAttr };
    }
    var text = (cell.textContent || "").replace(/\s+/g, " ").trim();
    if (text === "" || /^uppgift saknas/i.test(text) || text === "–") {
      return { missing: true };
    }
    var num = swedishNumber(text);
    return num === null ? { text: text } : { num: num };
  }

  function compare(a, b, direction) {
    if (a.missing || b.missing) {
      return a.missing === b.missing ? 0 : a.missing ? 1 : -1;
    }
    var result;
    if (a.num !== undefined && b.num !== undefined) {
      result = a.num - b.num;
    } else if (a.num !== undefined) {
      result = -1;
    } else if (b.num !== undefined) {
      result = 1;
    } else {
      result = collator.compare(a.text, b.text);
    }
    return direction === "descending" ? -result : result;
  }

  function sortTable(table, column, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, index: index, key: sortKey(row.cells[column]) };
    });
    rows.sort(function (a, b) {
      return compare(a.key, b.key, direction) || a.index - b.index;
    });
    rows.forEach(function (item) {
      body.appendChild(item.row);
    });
  }

  function enhance(table) {
    if (table.getAttribute("data-fb-sortable") === "ja" || !table.tHead || !table.tBodies.length) {
      return;
    }
    table.setAttribute("data-fb-sortable", "ja");
    var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fb-sort";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      var icon = document.createElement("span");
      icon.className = "fb-sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", direction);
        sortTable(table, column, direction);
      });
    });
  }

  /* A hand-written Markdown table wider than the page scrolls in the box Material's script wraps it in
     (.md-typeset__scrollwrap): that box becomes a named, keyboard-focusable region, as the generated pages'
     table boxes are (WCAG 2.1.1). */
  function scrollRegions() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
      if (box.hasAttribute("tabindex") || box.scrollWidth <= box.clientWidth) {
        return;
      }
      var caption = box.querySelector("caption");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption ? caption.textContent.replace(/\s+/g, " ").trim() : "Tabell");
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.fb-sortable"), enhance);
    scrollRegions();
  }

  window.faktabankSwedishNumber = swedishNumber;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
