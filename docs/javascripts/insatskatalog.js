/* Finsam faktabank: filters for the insatskatalog. Self-hosted, progressive enhancement: without
   JavaScript the form stays hidden and the whole catalogue (and the lists per theme) is shown.

   Each <select data-filter="X"> narrows the table rows to those whose data-X attribute (a space-separated
   list of ids) contains the chosen value; all filters apply together. The choice is kept in the address
   (?forbund=…&tema=…), so a filtered list can be linked to.

   A catalogue too large for one page (pages/split.py) is split by län: its table starts empty and carries
   data-index, the address of the open-data file insatskatalog.csv on this site. The file is fetched once, when
   a filter is first chosen, and the rows that match are written into the table; labels and links come from the
   page itself (the options' text and data-href, the table's data-insats-href). Without JavaScript the pages
   per län and per theme list every insats. */
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
    var index = table.getAttribute("data-index");
    var total = index ? parseInt(table.getAttribute("data-total"), 10) : rows.length;
    var loading = null;

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

    function matches(values) {
      return selects.every(function (select) {
        return !select.value || values(select.getAttribute("data-filter")).indexOf(select.value) !== -1;
      });
    }

    function apply() {
      var chosen = selects.filter(function (s) { return s.value; }).map(function (s) {
        return s.options[s.selectedIndex].text;
      });
      var shown = 0;
      if (index) {
        if (!chosen.length) {
          table.parentNode.hidden = true;
          count.textContent = "Välj ett filter för att söka bland alla " + total + " insatser.";
          remember();
          return;
        }
        if (!loading) {
          count.textContent = "Hämtar katalogen …";
          loading = fetchIndex(index);
        }
        loading.then(function (entries) {
          var body = document.createElement("tbody");
          entries.forEach(function (entry) {
            if (matches(function (key) { return entry[key]; })) {
              body.appendChild(row(entry));
              shown += 1;
            }
          });
          table.replaceChild(body, table.tBodies[0]);
          table.parentNode.hidden = false;
          report(shown, chosen);
        }, function () {
          count.textContent = "Katalogen kunde inte hämtas. Välj ett län i listan nedan.";
        });
        remember();
        return;
      }
      rows.forEach(function (row) {
        var visible = matches(function (key) { return (row.getAttribute("data-" + key) || "").split(" "); });
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      report(shown, chosen);
      remember();
    }

    function report(shown, chosen) {
      count.textContent = chosen.length
        ? "Visar " + shown + " av " + total + " insatser (" + chosen.join(", ") + ")."
        : "Visar alla " + total + " insatser.";
    }

    function remember() {
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

    function option(filter, value) {
      var select = form.querySelector('select[data-filter="' + filter + '"]');
      return select ? Array.prototype.filter.call(select.options, function (o) { return o.value === value; })[0] : null;
    }

    function label(filter, value) {
      var o = option(filter, value);
      return o ? o.text : value;
    }

    function linked(filter, value) {
      var o = option(filter, value);
      var href = o && o.getAttribute("data-href");
      if (!href) {
        return document.createTextNode(label(filter, value));
      }
      var a = document.createElement("a");
      a.href = href;
      a.textContent = o.text;
      return a;
    }

    function cell(tag, parts) {
      var c = document.createElement(tag);
      parts.forEach(function (part) {
        c.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
      });
      return c;
    }

    function joined(filter, values) {
      var out = [];
      values.forEach(function (value, i) {
        if (i) {
          out.push(", ");
        }
        out.push(filter === "agare" ? linked(filter, value) : label(filter, value));
      });
      return out;
    }

    // One row as the page writes it (insatskatalog.html.j2); every value is text, never markup.
    function row(entry) {
      var tr = document.createElement("tr");
      var name = document.createElement("a");
      name.href = table.getAttribute("data-insats-href").replace("__id__", encodeURIComponent(entry.id));
      name.textContent = entry.namn;
      var head = cell("th", [name]);
      head.scope = "row";
      if (entry.projektnummer) {
        var number = document.createElement("span");
        number.className = "fb-muted";
        number.textContent = "(" + entry.projektnummer + ")";
        head.appendChild(document.createTextNode(" "));
        head.appendChild(number);
      }
      tr.appendChild(head);
      tr.appendChild(cell("td", [linked("forbund", entry.forbund[0])]));
      tr.appendChild(cell("td", [label("typ", entry.typ[0])]));
      tr.appendChild(cell("td", joined("teman", entry.teman)));
      var target = cell("td", joined("malgrupper", entry.malgrupper));
      if (entry.malgrupp) {
        var text = document.createElement("span");
        text.className = "fb-muted";
        text.textContent = entry.malgrupp;
        target.appendChild(document.createElement("br"));
        target.appendChild(text);
      }
      tr.appendChild(target);
      tr.appendChild(cell("td", joined("agare", entry.agare)));
      var years = cell("td", [entry.ar.join(", ")]);
      years.setAttribute("data-sort", entry.ar[0] || "");
      tr.appendChild(years);
      return tr;
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

  // RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break.
  function parseCsv(text) {
    var records = [];
    var record = [];
    var field = "";
    var quoted = false;
    for (var i = 0; i < text.length; i += 1) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (c === '"') {
          quoted = false;
        } else {
          field += c;
        }
      } else if (c === '"') {
        quoted = true;
      } else if (c === ",") {
        record.push(field);
        field = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") {
          i += 1;
        }
        record.push(field);
        records.push(record);
        record = [];
        field = "";
      } else {
        field += c;
      }
    }
    if (field || record.length) {
      record.push(field);
      records.push(record);
    }
    return records;
  }

  // insatskatalog.csv as entries: the lists (teman, malgrupper, agare, ar) split on ";", the single values as
  // one-item lists so that every filter reads a list.
  function fetchIndex(url) {
    return window.fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    }).then(function (text) {
      var records = parseCsv(text);
      var head = records.shift();
      return records.filter(function (r) { return r.length === head.length; }).map(function (r) {
        var entry = {};
        head.forEach(function (key, i) {
          entry[key] = r[i];
        });
        ["teman", "malgrupper", "agare", "ar"].forEach(function (key) {
          entry[key] = entry[key] ? entry[key].split(";") : [];
        });
        entry.forbund = [entry.forbund];
        entry.typ = [entry.typ];
        return entry;
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
