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

/* Sortable tables: each column heading becomes a button (reachable by keyboard) that sorts the
   table in place by that column, numbers numerically ("·" counts as none). Rows marked
   data-fixed (a group's heading row) stay first in their <tbody>. Without JavaScript the tables
   keep their generated order and the headings are plain text. */
(function () {
  function cellValue(row, index) {
    var cell = row.children[index];
    var text = cell ? cell.textContent.trim() : "";
    if (text === "·") { return 0; }
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) || !/^[\d.,\-–]/.test(text) ? text : number;
  }
  function sortBy(table, index, heading) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.filter.call(body.rows, function (row) { return !row.hasAttribute("data-fixed"); });
      rows.sort(function (a, b) {
        var x = cellValue(a, index), y = cellValue(b, index);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var tables = document.querySelectorAll(".md-typeset table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || !table.tBodies.length || table.classList.contains("no-sort")) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.title = "Sort by this column";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, th); });
      });
    });
  });
})();

/* Citations: copy buttons beside each citation text, and one button per paragraph that copies its
   citation in the current view's language. Without JavaScript the buttons stay hidden and the
   texts in the 引用 Cite box are there to select. */
(function () {
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try: the text stays selectable */ }
    document.body.removeChild(area);
  }
  function copy(text, button) {
    var label = button.textContent;
    function done() {
      button.textContent = "已复制 Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }
  function citationFor(tools) {
    var view = document.documentElement.getAttribute("data-view") || "both";
    var zh = tools.querySelector(".cite-value[lang='zh-Hans']").textContent;
    var en = tools.querySelector(".cite-value[lang='en']").textContent;
    return view === "en" ? en : view === "zh" ? zh : zh + "\n" + en;
  }
  /* A paragraph's BibTeX/RIS/CSL-JSON: the page's templates (render/cite_formats.py, made by
     citation.py) with the paragraph's key, id, section and anchor put in, escaped as each format
     escapes them; filled when the reader first opens the formats. */
  var escapes = {
    bibtex: function (text) { return text.replace(/([\\{}%&#_$])/g, "\\$1"); },
    ris: function (text) { return text; },
    csl: function (text) { return JSON.stringify(text).slice(1, -1); }
  };
  var formatLabels = [["bibtex", "BibTeX"], ["ris", "RIS"], ["csl", "CSL-JSON"]];
  function fillFormats(box) {
    var holder = document.querySelector(".cite-templates");
    if (!holder || box.getAttribute("data-filled")) { return; }
    var templates = JSON.parse(holder.getAttribute("data-formats"));
    var section = box.getAttribute("data-section");
    formatLabels.forEach(function (pair) {
      var escape = escapes[pair[0]];
      var item = document.createElement("div");
      item.className = "cite-item";
      var label = document.createElement("span");
      label.className = "cite-lang";
      label.textContent = pair[1];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "复制 Copy";
      var value = document.createElement("pre");
      value.className = "cite-value";
      value.setAttribute("data-format", pair[0]);
      value.textContent = templates[pair[0]][section ? 0 : 1]
        .split("\ue000").join(box.getAttribute("data-key"))
        .split("\ue001").join(escape(box.getAttribute("data-block")))
        .split("\ue002").join(escape(section))
        .split("\ue003").join(box.getAttribute("data-anchor"));
      item.appendChild(label);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button);
      item.appendChild(value);
      box.appendChild(item);
    });
    box.setAttribute("data-filled", "1");
  }
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (box.open && box.matches && box.matches("details.cite-formats[data-key]")) { fillFormats(box); }
  }, true);
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button.copy, button.copy-cite");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy, button.copy-cite");
    if (!button) { return; }
    if (button.classList.contains("copy-cite")) {
      copy(citationFor(button.closest(".blk-tools")), button);
    } else {
      copy(button.closest(".cite-item").querySelector(".cite-value").textContent, button);
    }
  });
})();

/* Glossary: a filter box (Chinese, Traditional, English or note text) and category buttons narrow
   the table in place. Without JavaScript the whole table shows, with the letter jumps above it. */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("glossary-filter");
    if (!box) { return; }
    var panel = box.closest(".glossary-filter");
    var rows = document.querySelectorAll("table.glossary tbody tr");
    var count = panel.querySelector(".glossary-count");
    var buttons = panel.querySelectorAll("button[data-category]");
    var category = "";
    panel.hidden = false;
    function apply() {
      var query = box.value.trim().toLowerCase();
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var visible = (!category || row.getAttribute("data-category") === category) &&
                      (!query || row.textContent.toLowerCase().indexOf(query) >= 0);
        row.hidden = !visible;
        if (visible) { shown++; }
      }
      count.textContent = shown + " / " + rows.length;
    }
    box.addEventListener("input", apply);
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        category = button.getAttribute("data-category");
        Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
        apply();
      });
    });
    apply();
  });
})();
