/* Language view switch: both / Chinese / English, and Simplified / Traditional.
   The page is complete without this script (both languages, Simplified); the choice persists
   across pages in localStorage, and works from file:// (no request leaves the page). A small
   script in the page head (build_tools/site/theme/main.html) sets the saved choice before the first
   paint; this one keeps <html> and the switch's buttons in sync with it. */
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
    var buttons = document.querySelectorAll(".view-switch button[data-view], .view-switch button[data-script]");
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
    if (!button || button.hasAttribute("data-terms")) { return; }
    if (button.dataset.view) { store("edition-view", button.dataset.view); }
    if (button.dataset.script) { store("edition-script", button.dataset.script); }
    apply();
  });
  // Another open page of the edition changed the choice: follow it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === "edition-view" || event.key === "edition-script") { apply(); }
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
   citation in the current view's language. A plan page carries its paragraphs' citations once, as
   templates (render/cite_formats.py, made by citation.py) with the paragraph's id, section, key and
   anchor left as placeholders; each paragraph's cite box holds its id, address, key and the index of
   its section, and the script fills in its Chinese and English citations when the box is opened (and
   BibTeX/RIS/CSL-JSON when those are). Without JavaScript the buttons stay hidden, a plan page's box
   shows the paragraph's id and address, and a plan overview's box shows every text to select. */
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
  var page = null;
  function pageTemplates() {
    if (page) { return page; }
    var holder = document.querySelector(".cite-templates");
    page = {
      holder: holder,
      formats: JSON.parse(holder.getAttribute("data-formats")),
      sections: JSON.parse(holder.getAttribute("data-sections") || "[[\"\",\"\"]]")
    };
    return page;
  }
  /* One paragraph's values, read from its cite box (details.cite[data-key]) before it is filled in. */
  function paragraph(details) {
    if (details.citeValues) { return details.citeValues; }
    var url = details.querySelector(".cite-url").textContent;
    var section = pageTemplates().sections[Number(details.getAttribute("data-s"))] || ["", ""];
    details.citeValues = {
      key: details.getAttribute("data-key"),
      block: details.querySelector(".cite-block").textContent,
      anchor: url.slice(url.lastIndexOf("#") + 1),
      zh: section[0],
      en: section[1]
    };
    return details.citeValues;
  }
  /* A template with a paragraph's values put in, escaped as its format escapes them. */
  var escapes = {
    zh: function (text) { return text; },
    en: function (text) { return text; },
    bibtex: function (text) { return text.replace(/([\\{}%&#_$])/g, "\\$1"); },
    ris: function (text) { return text; },
    csl: function (text) { return JSON.stringify(text).slice(1, -1); }
  };
  /* The access date is the reader's day, never the build's (citation.py's ACCESSED placeholder). */
  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }
  function withAccessDate(text, format) {
    return text.split("\ue004").join(format === "ris" ? today().replace(/-/g, "/") : today());
  }
  function filled(format, values) {
    var section = format === "zh" ? values.zh : values.en;
    var escape = escapes[format];
    return withAccessDate(pageTemplates().formats[format][section ? 0 : 1], format)
      .split("\ue000").join(values.key)
      .split("\ue001").join(escape(values.block))
      .split("\ue002").join(escape(section))
      .split("\ue003").join(values.anchor);
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  /* Text put into an English element keeps each Chinese run (the original title an English citation quotes) in
     its own lang, as the build's chinese_in_english macro does; other elements get the text as it is. */
  var HAN_RUN = /([\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]*)/;
  function setText(node, text) {
    node.textContent = "";
    if (node.getAttribute("lang") !== "en") { node.textContent = text; return; }
    text.split(HAN_RUN).forEach(function (piece, index) {
      if (!piece) { return; }
      if (index % 2 === 0) { node.appendChild(document.createTextNode(piece)); return; }
      var run = element("span", "", piece);
      run.setAttribute("lang", "zh-Hans");
      node.appendChild(run);
    });
  }
  function item(tag, label, valueTag, value, lang) {
    var node = element(tag, "cite-item");
    var shown = element(valueTag, "cite-value");
    if (lang) { shown.setAttribute("lang", lang); }
    setText(shown, value);
    node.appendChild(element("span", "cite-lang", label));
    node.appendChild(document.createTextNode(" "));
    if (valueTag === "pre") {
      node.appendChild(element("button", "copy", "复制 Copy"));
      node.appendChild(shown);
    } else {
      node.appendChild(shown);
      node.appendChild(document.createTextNode(" "));
      node.appendChild(element("button", "copy", "复制 Copy"));
    }
    Array.prototype.forEach.call(node.querySelectorAll("button"), function (b) { b.type = "button"; });
    return node;
  }
  /* A paragraph's box, opened: its two citations and the formats (filled when those are opened). */
  function fillBox(details) {
    if (details.getAttribute("data-filled")) { return; }
    var values = paragraph(details);
    var box = details.querySelector(".cite-box");
    var formats = element("details", "cite-formats");
    formats.appendChild(element("summary", "", "BibTeX · RIS · CSL-JSON"));
    var files = pageTemplates().holder.querySelector(".cite-files");
    if (files) { formats.appendChild(files.cloneNode(true)); }
    box.textContent = "";
    box.appendChild(item("p", "中文", "span", filled("zh", values), "zh-Hans"));
    box.appendChild(item("p", "English", "span", filled("en", values), "en"));
    box.appendChild(formats);
    details.setAttribute("data-filled", "1");
  }
  var formatLabels = [["bibtex", "BibTeX"], ["ris", "RIS"], ["csl", "CSL-JSON"]];
  function fillFormats(box) {
    if (box.getAttribute("data-filled")) { return; }
    var values = paragraph(box.closest("details.cite"));
    formatLabels.forEach(function (pair) {
      var shown = item("div", pair[1], "pre", filled(pair[0], values));
      shown.querySelector("pre").setAttribute("data-format", pair[0]);
      box.appendChild(shown);
    });
    box.setAttribute("data-filled", "1");
  }
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (!box.open || !box.matches) { return; }
    if (box.matches("details.cite[data-key]")) { fillBox(box); }
    if (box.matches("details.cite[data-key] details.cite-formats")) { fillFormats(box); }
  }, true);
  function citationFor(tools) {
    var view = document.documentElement.getAttribute("data-view") || "both";
    var details = tools.querySelector("details.cite");
    var zh, en;
    if (details.hasAttribute("data-key")) {
      var values = paragraph(details);
      zh = filled("zh", values);
      en = filled("en", values);
    } else {
      zh = tools.querySelector(".cite-value[lang='zh-Hans']").textContent;
      en = tools.querySelector(".cite-value[lang='en']").textContent;
    }
    return view === "en" ? en : view === "zh" ? zh : zh + "\n" + en;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button.copy, button.copy-cite, button.copy-link");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
    var dated = document.querySelectorAll(".cite-value[data-dated]");
    for (var j = 0; j < dated.length; j++) {
      setText(dated[j], withAccessDate(dated[j].getAttribute("data-dated"), dated[j].getAttribute("data-format")));
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy, button.copy-cite, button.copy-link");
    if (!button) { return; }
    if (button.classList.contains("copy-link")) {
      copy(button.closest(".blk-tools").querySelector(".cite-url").textContent, button);
    } else if (button.classList.contains("copy-cite")) {
      copy(citationFor(button.closest(".blk-tools")), button);
    } else {
      copy(button.closest(".cite-item").querySelector(".cite-value").textContent, button);
    }
  });
})();

/* Glossary links of a plan page: the first link of each term in each language carries its title (the
   tooltip, also without JavaScript); the others get the same. The derived script's paragraph (.t-alt,
   plain text in the page) gets the links of the printed one at the same places: the conversion is
   one character for one, and a paragraph whose lengths differ stays plain. */
(function () {
  function titleKey(link) {
    return (link.closest(".col-en") ? "en" : "zh") + link.getAttribute("href");
  }
  function textAfterLabel(p) {
    var nodes = Array.prototype.slice.call(p.childNodes);
    if (nodes.length && nodes[0].nodeType === 1 && nodes[0].classList.contains("label")) { nodes.shift(); }
    return nodes;
  }
  function linkDerived(printed, derived) {
    var source = textAfterLabel(printed);
    if (!source.some(function (node) { return node.nodeType === 1 && node.classList.contains("gl"); })) { return; }
    var plain = textAfterLabel(derived);
    var text = plain.map(function (node) { return node.textContent; }).join("");
    var length = source.reduce(function (sum, node) { return sum + node.textContent.length; }, 0);
    if (length !== text.length || plain.some(function (node) { return node.nodeType !== 3; })) { return; }
    plain.forEach(function (node) { derived.removeChild(node); });
    var position = 0;
    source.forEach(function (node) {
      var piece = text.slice(position, position + node.textContent.length);
      position += node.textContent.length;
      if (node.nodeType === 1 && node.classList.contains("gl")) {
        var link = node.cloneNode(false);
        link.textContent = piece;
        derived.appendChild(link);
      } else {
        derived.appendChild(document.createTextNode(piece));
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var columns = document.querySelectorAll(".blk .col-zh");
    Array.prototype.forEach.call(columns, function (column) {
      var derived = column.querySelector("p.t-alt");
      var printed = column.querySelector("p.zh:not(.t-alt)");
      if (derived && printed) { linkDerived(printed, derived); }
    });
    var titles = {};
    var links = document.querySelectorAll(".blk a.gl");
    Array.prototype.forEach.call(links, function (link) {
      if (link.title && !titles[titleKey(link)]) { titles[titleKey(link)] = link.title; }
    });
    Array.prototype.forEach.call(links, function (link) {
      if (!link.title && titles[titleKey(link)]) { link.title = titles[titleKey(link)]; }
    });
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
    var headings = document.querySelectorAll("table.glossary thead th");
    var column = Array.prototype.findIndex.call(headings, function (th) { return th.getAttribute("data-column") === "category"; });
    panel.hidden = false;
    /* Traditional folds to Simplified: the table's own pairs (中文 and 繁體 cells of one length, one
       character for one) give the map, so 機器人 finds every term 机器人 finds. */
    var simplified = {};
    Array.prototype.forEach.call(rows, function (row) {
      var zh = row.querySelector("[lang='zh-Hans']"), hant = row.querySelector("[lang='zh-Hant']");
      if (!zh || !hant || zh.textContent.length !== hant.textContent.length) { return; }
      for (var k = 0; k < zh.textContent.length; k++) { simplified[hant.textContent[k]] = zh.textContent[k]; }
    });
    function fold(text) {
      var out = "";
      for (var k = 0; k < text.length; k++) { out += simplified[text[k]] || text[k]; }
      return out.toLowerCase();
    }
    var texts = Array.prototype.map.call(rows, function (row) { return fold(row.textContent); });
    function apply() {
      var query = fold(box.value.trim());
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var visible = (!category || row.cells[column].textContent === category) &&
                      (!query || texts[i].indexOf(query) >= 0);
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

/* A link into a folded section (a comparison page's topics) opens it, so the reader lands on the text. */
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();

/* Glossary terms on a touch screen, where a title never shows: the first tap opens a small popover
   with the other language and a link to the entry; a second tap on the term follows it. */
(function () {
  if (!window.matchMedia || !window.matchMedia("(hover: none)").matches) { return; }
  var popover = null, shownFor = null;
  function close() {
    if (popover) { popover.remove(); }
    popover = null;
    shownFor = null;
  }
  function open(link) {
    close();
    popover = document.createElement("span");
    popover.className = "gl-popover";
    popover.setAttribute("role", "note");
    popover.appendChild(document.createTextNode(link.title || link.textContent));
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = " 术语表 Glossary →";
    popover.appendChild(more);
    link.insertAdjacentElement("afterend", popover);
    shownFor = link;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.gl");
    if (!link) {
      if (popover && !popover.contains(event.target)) { close(); }
      return;
    }
    if (link === shownFor) { return; }  /* the second tap follows the link */
    event.preventDefault();
    open(link);
  });
})();

/* Keyboard: the glossary terms in a paragraph's text are not tab stops (a paragraph has up to twenty), so
   Tab goes from a paragraph's ¶ link to its copy buttons and Cite, four stops; the view switch's
   "Term links" button makes them tab stops again (remembered), and each term stays a link for the mouse
   and for screen readers' link lists. Without JavaScript every term is a tab stop, as before. */
(function () {
  function stored() {
    try { return window.localStorage.getItem("edition-terms") === "on"; } catch (e) { return false; }
  }
  function apply(on) {
    var links = document.querySelectorAll(".blk a.gl");
    for (var i = 0; i < links.length; i++) {
      if (on) { links[i].removeAttribute("tabindex"); } else { links[i].setAttribute("tabindex", "-1"); }
    }
    var toggles = document.querySelectorAll(".view-switch button[data-terms]");
    for (var j = 0; j < toggles.length; j++) {
      toggles[j].hidden = !links.length;
      toggles[j].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  document.addEventListener("DOMContentLoaded", function () { apply(stored()); });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".view-switch button[data-terms]");
    if (!button) { return; }
    var on = button.getAttribute("aria-pressed") !== "true";
    try { window.localStorage.setItem("edition-terms", on ? "on" : "off"); } catch (e) { /* lasts one page */ }
    apply(on);
  });
})();

/* Navigation sections that have an index page: Material labels their list by a label holding only an
   icon, so several landmarks had no name (axe landmark-unique); each takes the name of its section's link. */
document.addEventListener("DOMContentLoaded", function () {
  var navs = document.querySelectorAll("nav.md-nav[aria-labelledby]");
  Array.prototype.forEach.call(navs, function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim()) { return; }
    var link = label.parentElement && label.parentElement.querySelector("a");
    if (link && link.textContent.trim()) { nav.setAttribute("aria-label", link.textContent.trim().replace(/\s+/g, " ")); }
  });
});

/* The timeline on a narrow screen scrolls sideways at its drawn size; its plan labels stay at the left edge
   (moved by the scroll offset, in the drawing's units), so a lane is named wherever the reader has scrolled. */
document.addEventListener("DOMContentLoaded", function () {
  var figures = document.querySelectorAll("figure.timeline-figure");
  Array.prototype.forEach.call(figures, function (figure) {
    var svg = figure.querySelector("svg.timeline");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
    var labels = svg.querySelectorAll(".lane-zh, .lane-en");
    function place() {
      var drawn = svg.getBoundingClientRect().width;
      var shift = drawn ? figure.scrollLeft * svg.viewBox.baseVal.width / drawn : 0;
      Array.prototype.forEach.call(labels, function (label) {
        label.setAttribute("transform", shift ? "translate(" + shift.toFixed(1) + " 0)" : "");
      });
    }
    figure.addEventListener("scroll", place, { passive: true });
    place();
  });
});

/* A paragraph address cited before its part was cut into pages (part-02.html#s2-p150, now on part-02-2.html) lands
   where the paragraph is: the part's first page lists its pages, each link with the anchors of its blocks
   (plan-part.md.jinja, present/paging.py). */
(function () {
  // A word of data-anchors is an anchor, or a run: "s2-p101~200" holds s2-p101 to s2-p200 (render/pages.py anchor_runs).
  function holds(word, id) {
    var run = word.split("~");
    if (run.length === 1) { return word === id; }
    var first = /^(.*?)(0|[1-9]\d*)$/.exec(run[0]);
    var wanted = /^(.*?)(0|[1-9]\d*)$/.exec(id);
    return !!(first && wanted) && first[1] === wanted[1] &&
      Number(wanted[2]) >= Number(first[2]) && Number(wanted[2]) <= Number(run[1]);
  }
  function followMovedAnchor() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) { return; }
    var links = document.querySelectorAll(".part-pages a[data-anchors]");
    for (var i = 0; i < links.length; i++) {
      var words = links[i].getAttribute("data-anchors").split(" ");
      for (var j = 0; j < words.length; j++) {
        if (holds(words[j], id)) {
          location.replace(links[i].href.split("#")[0] + location.hash);
          return;
        }
      }
    }
  }
  window.addEventListener("hashchange", followMovedAnchor);
  document.addEventListener("DOMContentLoaded", followMovedAnchor);
})();
