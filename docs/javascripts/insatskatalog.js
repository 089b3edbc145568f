/* Finsam faktabank: filters for the insatskatalog. Self-hosted, progressive enhancement: without
   JavaScript the form stays hidden and the whole catalogue (and the lists per theme) is shown.

   Each <select data-filter="X"> narrows the table rows to those whose data-X attribute (a space-separated
   list of ids) contains the chosen value; all filters apply together. The choice is kept in the address
   (?forbund=…&tema=…), so a filtered list can be linked to. */
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("katalog-filter");
    var table = document.getElementById("katalog-tabell");
    if (!form || !table || form.getAttribute("data-fb-ready") === "ja") {
      return;
    }
    form.setAttribute("data-fb-ready", "ja");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = document.getElementById("katalog-antal");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function param(select) {
      return select.id.replace(/^filter-/, "");
    }

    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = query.get(param(select));
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          if (!select.value) {
            return true;
          }
          var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      var chosen = selects.filter(function (s) { return s.value; }).map(function (s) {
        return s.options[s.selectedIndex].text;
      });
      count.textContent = chosen.length
        ? "Visar " + shown + " av " + rows.length + " insatser (" + chosen.join(", ") + ")."
        : "Visar alla " + rows.length + " insatser.";
      var params = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value) {
          params.set(param(select), select.value);
        }
      });
      var search = params.toString();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
