/* Language view switch: both / Chinese / English, and Simplified / Traditional.
   The page is complete without this script (both languages, Simplified); the choice persists
   across pages in localStorage, and works from file:// (no request leaves the page). */
(function () {
  var root = document.documentElement;
  function stored(key, fallback) {
    try { return window.localStorage.getItem(key) || fallback; } catch (e) { return fallback; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: choice lasts one page */ }
  }
  function apply() {
    root.setAttribute("data-view", stored("edition-view", "both"));
    var script = stored("edition-script", "");
    if (script) { root.setAttribute("data-script", script); }  // else each text shows in its own script
    var buttons = document.querySelectorAll(".view-switch button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var on = (b.dataset.view && b.dataset.view === root.getAttribute("data-view")) ||
               (b.dataset.script && b.dataset.script === (root.getAttribute("data-script") || "hans"));
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var switches = document.querySelectorAll(".view-switch");
    for (var i = 0; i < switches.length; i++) { switches[i].hidden = false; }
    apply();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".view-switch button");
    if (!button) { return; }
    if (button.dataset.view) { store("edition-view", button.dataset.view); }
    if (button.dataset.script) { store("edition-script", button.dataset.script); }
    apply();
  });
})();

/* Sortable tables: click a column heading to sort by it (numbers numerically). Without
   JavaScript the tables keep their generated order (by year). */
(function () {
  function cellValue(row, index) {
    var cell = row.children[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) || !/^[\d.,\-–]/.test(text) ? text : number;
  }
  function sortBy(table, index, heading) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var tables = document.querySelectorAll(".md-typeset table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || !table.tBodies.length) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.setAttribute("data-sort", "");
        th.addEventListener("click", function () { sortBy(table, index, th); });
      });
    });
  });
})();
