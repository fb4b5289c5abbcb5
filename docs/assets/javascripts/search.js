/* The site's search: a dialog opened from the header (or "/"), reading the sharded index in search/.
 *
 * Text analysis mirrors build_tools/search/text.py (tests/data/search_analysis.yml tests both).
 * Index files are loaded with <script> elements (fetch() of local files is blocked under file://),
 * only those a query needs, and kept in sessionStorage: fetched once per visit, not once per page.
 */
(function () {
  "use strict";

  var HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var POOL = 20; // candidates whose stored fields are loaded and re-ranked
  var POOL_TERMS = 4; // glossary entries among them at most: they are many and short, and would crowd out text
  var SHOWN = 10;
  var CONTINUE = "0123456789abcdefghijklmnopqrstuv";
  var FINAL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*";
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/javascripts\/search\.js(\?.*)?$/, "") : "";

  // ------------------------------------------------------------------------------------- analysis

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var ends = function (suffix) { return word.slice(-suffix.length) === suffix; };
    if (ends("ies") && word.length > 4) word = word.slice(0, -3) + "i";
    else if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zes")) word = word.slice(0, -2);
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) word = word.slice(0, -1);
    if (ends("ing") && word.length > 5) word = word.slice(0, -3);
    else if (ends("ed") && word.length > 4) word = word.slice(0, -2);
    if (ends("y") && word.length > 3) word = word.slice(0, -1) + "i";
    if (ends("e") && word.length > 3) word = word.slice(0, -1);
    return word;
  }

  function normalize(text, t2s) {
    var out = "";
    var normalized = text.normalize("NFKC").toLowerCase();
    for (var i = 0; i < normalized.length; i++) out += (t2s && t2s[normalized[i]]) || normalized[i];
    return out;
  }

  function words(text, t2s) {
    return normalize(text, t2s).match(HAN_RUN) || [];
  }

  /** One group of terms per query word: a Han run gives its bigrams, a single character itself. */
  function queryGroups(query, stopwords, t2s) {
    var groups = [];
    words(query, t2s).forEach(function (run) {
      if (HAN.test(run)) {
        if (run.length === 1) groups.push([run]);
        else {
          var pairs = [];
          for (var i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
          groups.push(pairs);
        }
      } else if (!stopwords[run]) groups.push([stem(run)]);
    });
    return groups;
  }

  function shardOf(term, shards) {
    var value = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) value = Math.imul(value ^ term.charCodeAt(i), 0x01000193) >>> 0;
    return value % shards;
  }

  function decode(encoded) {
    var numbers = [];
    var value = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = CONTINUE.indexOf(encoded[i]);
      if (digit >= 0) value = value * 32 + digit;
      else {
        numbers.push(value * 32 + FINAL.indexOf(encoded[i]));
        value = 0;
      }
    }
    var postings = [];
    var doc = 0;
    for (var j = 0; j + 1 < numbers.length; j += 2) {
      doc += numbers[j];
      postings.push([doc, numbers[j + 1]]);
    }
    return postings;
  }

  // ------------------------------------------------------------------------------------- loading

  var manifest = null;
  var loaded = {}; // file name -> payload
  var waiting = {}; // file name -> [resolve]
  var requested = []; // file names this page asked the network or the file system for (benchmarks read it)

  function fileOf(payload) {
    if (payload.manifest) return "index.js";
    if ("shard" in payload) return "p/" + payload.shard + ".js";
    return "d/" + payload.chunk + ".js";
  }

  function cacheKey(name) {
    return "edition-search:" + (name === "index.js" ? "" : manifest.version + ":") + name;
  }

  function remember(name, payload) {
    loaded[name] = payload;
    try {
      window.sessionStorage.setItem(cacheKey(name), JSON.stringify(payload));
    } catch (error) {
      /* storage full or disabled: the files stay in memory for this page */
    }
  }

  function load(name) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    try {
      var kept = window.sessionStorage.getItem(cacheKey(name));
      if (kept) {
        loaded[name] = JSON.parse(kept);
        return Promise.resolve(loaded[name]);
      }
    } catch (error) {
      /* no storage: load the file */
    }
    return new Promise(function (resolve, reject) {
      if (waiting[name]) {
        waiting[name].push(resolve);
        return;
      }
      waiting[name] = [resolve];
      requested.push(name);
      var element = document.createElement("script");
      element.src = root + "search/" + name + (manifest ? "?v=" + manifest.version : "");
      element.async = true;
      element.onerror = function () {
        delete waiting[name];
        reject(new Error("search index file missing: " + name));
      };
      document.head.appendChild(element);
    });
  }

  function receive(payload) {
    var name = fileOf(payload);
    if (payload.manifest) {
      var settings = payload.manifest;
      var stop = {};
      settings.stopwords.forEach(function (word) { stop[word] = true; });
      var t2s = {};
      for (var i = 0; i + 1 < settings.t2s.length; i += 2) t2s[settings.t2s[i]] = settings.t2s[i + 1];
      manifest = {
        version: settings.version, shards: settings.shards, chunk: settings.chunk, terms: settings.terms, stop: stop, t2s: t2s,
      };
    }
    remember(name, payload);
    (waiting[name] || []).forEach(function (resolve) { resolve(payload); });
    delete waiting[name];
  }

  function ready() {
    if (manifest) return Promise.resolve(manifest);
    return load("index.js").then(function (payload) {
      if (!manifest) receive(payload); // from sessionStorage: build the lookup tables
      return manifest;
    });
  }

  // ------------------------------------------------------------------------------------- ranking

  function stored(row) {
    var title = row[3] || row[7].slice(0, 2).join(" "); // a glossary entry: its Chinese and English names
    return { kind: row[0], page: row[1], anchor: row[2], title: title, context: row[4], zh: row[5], en: row[6], names: row[7] };
  }

  function url(doc) {
    var logo = document.querySelector("a.md-logo");
    var fileUrls = logo ? /\.html$/.test(logo.getAttribute("href")) : /\.html$/.test(location.pathname);
    var page = fileUrls ? doc.page + ".html" : doc.page === "index" ? "" : doc.page.replace(/(^|\/)index$/, "$1") + "/";
    return root + page.replace(/\/\/$/, "/") + (doc.anchor ? "#" + doc.anchor : "");
  }

  function search(query) {
    var started = performance.now();
    return ready().then(function (settings) {
      var groups = queryGroups(query, settings.stop, settings.t2s);
      var terms = [];
      groups.forEach(function (group) {
        group.forEach(function (term) { if (terms.indexOf(term) < 0) terms.push(term); });
      });
      if (!terms.length) return { results: [], all: true, groups: groups, ms: 0 };
      // Entries with a name equal to the query are indexed under this term (build_tools/search/index.py).
      var key = groups.map(function (group) { return group.join("|"); }).join(" ");
      var named = "=" + ("0000000" + shardOf(key, 4294967296).toString(16)).slice(-8);
      var shards = [];
      terms.concat([named]).forEach(function (term) {
        var shard = shardOf(term, settings.shards);
        if (shards.indexOf(shard) < 0) shards.push(shard);
      });
      return Promise.all(shards.map(function (n) { return load("p/" + n + ".js"); })).then(function () {
        var found = {};
        terms.forEach(function (term) {
          var encoded = loaded["p/" + shardOf(term, settings.shards) + ".js"].postings[term];
          if (!encoded) return;
          decode(encoded).forEach(function (posting) {
            var entry = found[posting[0]] || (found[posting[0]] = { id: posting[0], score: 0, hits: 0 });
            entry.score += posting[1];
            entry.hits += 1;
          });
        });
        var exact = {};
        var encodedNames = loaded["p/" + shardOf(named, settings.shards) + ".js"].postings[named];
        if (encodedNames) decode(encodedNames).forEach(function (posting) { exact[posting[0]] = posting[1]; });
        var entries = Object.keys(found).map(function (id) {
          found[id].exact = exact[id] || 0;
          return found[id];
        });
        var every = entries.filter(function (entry) { return entry.hits === terms.length; });
        var all = every.length > 0; // every query word required; when nothing has them all, any
        var ranked = (all ? every : entries).sort(function (a, b) {
          return b.exact - a.exact || b.hits - a.hits || b.score - a.score || a.id - b.id;
        });
        var pool = [];
        var glossary = 0;
        for (var i = 0; i < ranked.length && pool.length < POOL; i++) {
          var isTerm = ranked[i].id >= settings.terms[0] && ranked[i].id < settings.terms[1];
          if (isTerm && glossary >= POOL_TERMS && !ranked[i].exact) continue;
          if (isTerm) glossary += 1;
          pool.push(ranked[i]);
        }
        var chunks = [];
        pool.forEach(function (entry) {
          var chunk = Math.floor(entry.id / settings.chunk);
          if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
        });
        return Promise.all(chunks.map(function (n) { return load("d/" + n + ".js"); })).then(function () {
          var runs = words(query, settings.t2s);
          var whole = runs.join(" ");
          var results = pool.map(function (entry) {
            var doc = stored(loaded["d/" + Math.floor(entry.id / settings.chunk) + ".js"].docs[entry.id % settings.chunk]);
            var text = normalize(doc.title + " " + doc.zh + " " + doc.en);
            var phrases = runs.filter(function (run) { return HAN.test(run) && text.indexOf(run) >= 0; }).length;
            if (runs.length > 1 && text.indexOf(whole) >= 0) phrases += 1;
            return { doc: doc, url: url(doc), score: entry.score, hits: entry.hits, exact: entry.exact, phrases: phrases, id: entry.id };
          });
          results.sort(function (a, b) {
            return b.exact - a.exact || b.hits - a.hits || b.phrases - a.phrases || b.score - a.score || a.id - b.id;
          });
          return { results: results.slice(0, SHOWN), all: all, groups: groups, ms: performance.now() - started };
        });
      });
    });
  }

  // ------------------------------------------------------------------------------------- snippets

  /** [start, end) ranges of text that match the query: Han runs (or their bigrams) and English word stems. */
  function matches(text, query, settings) {
    var ranges = [];
    var folded = normalize(text, settings.t2s);
    var sameLength = folded.length === text.length; // NFKC kept offsets: ranges found in folded apply to text
    var haystack = sameLength ? folded : text;
    words(query, settings.t2s).forEach(function (run) {
      if (HAN.test(run) || /^[0-9]+$/.test(run)) {
        var pieces = haystack.indexOf(run) >= 0 || run.length < 2 ? [run] : [];
        for (var i = 0; !pieces.length && i < run.length - 1; i++) pieces.push(run.slice(i, i + 2));
        pieces.forEach(function (piece) {
          for (var at = haystack.indexOf(piece); at >= 0; at = haystack.indexOf(piece, at + piece.length)) ranges.push([at, at + piece.length]);
        });
      } else {
        var target = stem(run);
        var pattern = /[A-Za-z0-9]+/g;
        var word;
        while ((word = pattern.exec(text))) {
          if (stem(word[0].toLowerCase()) === target) ranges.push([word.index, word.index + word[0].length]);
        }
      }
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }

  function fill(element, text, ranges, from, to) {
    var at = from;
    ranges.forEach(function (range) {
      if (range[0] < at || range[1] > to) return;
      element.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      at = range[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function snippet(element, text, query, settings, width) {
    var ranges = matches(text, query, settings);
    var first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - Math.floor(width / 3));
    var space = text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < first) from = space + 1; // English: start at a word
    var to = Math.min(text.length, from + width);
    if (from > 0) element.appendChild(document.createTextNode("…"));
    fill(element, text, ranges, from, to);
    if (to < text.length) element.appendChild(document.createTextNode("…"));
  }

  // ------------------------------------------------------------------------------------- the dialog

  var ICON =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';

  function buildDialog() {
    var dialog = document.createElement("dialog");
    dialog.className = "es-dialog";
    dialog.setAttribute("aria-label", "搜索 Search");
    dialog.innerHTML =
      '<form method="dialog" class="es-form" role="search">' +
      '<label class="es-label" for="es-input">搜索 Search</label>' +
      '<input id="es-input" class="es-input" type="search" autocomplete="off" spellcheck="false" ' +
      'placeholder="数控机床 · robots · 首台（套）" aria-controls="es-results" aria-describedby="es-status">' +
      '<button type="submit" class="es-close" value="close" aria-label="关闭 Close">Esc</button>' +
      "</form>" +
      '<p id="es-status" class="es-status" role="status" aria-live="polite"></p>' +
      '<ol id="es-results" class="es-results"></ol>';
    document.body.appendChild(dialog);
    return dialog;
  }

  function render(dialog, query, answer, settings) {
    var list = dialog.querySelector(".es-results");
    var status = dialog.querySelector(".es-status");
    list.textContent = "";
    var hasHan = /[\u3400-\u9fff]/.test(normalize(query, settings.t2s));
    answer.results.forEach(function (result) {
      var doc = result.doc;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.className = "es-result es-kind-" + doc.kind;
      var context = document.createElement("span");
      context.className = "es-context";
      context.textContent = doc.kind === "term" ? "术语表 Glossary" : doc.context;
      link.appendChild(context);
      if (doc.title) {
        var title = document.createElement("span");
        title.className = "es-title";
        fill(title, doc.title, matches(doc.title, query, settings), 0, doc.title.length);
        link.appendChild(title);
      }
      var variants = doc.kind === "term" ? doc.names.slice(2).join(" · ") : "";
      var body = hasHan ? doc.zh || doc.en || variants : doc.en || variants || doc.zh;
      if (body) {
        var text = document.createElement("span");
        text.className = "es-snippet";
        text.lang = body === doc.en ? "en" : "zh-Hans";
        snippet(text, body, query, settings, body === doc.en ? 180 : 70);
        link.appendChild(text);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = answer.results.length
      ? (answer.all ? "" : "没有包含全部检索词的结果，显示部分匹配 · No result has every word; partial matches: ") +
        answer.results.length + " 条结果 results"
      : query.trim() ? "无结果 · No results" : "";
    list.dataset.query = query;
  }

  function setUp() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var opener = document.createElement("button");
    opener.type = "button";
    opener.className = "es-open md-header__button md-icon";
    opener.title = "搜索 Search ( / )";
    opener.setAttribute("aria-label", "搜索 Search");
    opener.setAttribute("aria-haspopup", "dialog");
    opener.innerHTML = ICON;
    var source = header.querySelector(".md-header__source");
    header.insertBefore(opener, source);
    var dialog = buildDialog();
    var input = dialog.querySelector(".es-input");
    var list = dialog.querySelector(".es-results");
    var latest = 0;
    var timer = null;

    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      ready();
    }

    function run() {
      var query = input.value;
      var ticket = ++latest;
      search(query).then(function (answer) {
        if (ticket === latest) render(dialog, query, answer, manifest);
      });
    }

    opener.addEventListener("click", open);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
      if (event.target.closest && event.target.closest("a.es-result")) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a.es-result"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && links.length) {
        links[Math.min(links.length - 1, at + 1)].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at === 0 ? input : links[at - 1]).focus();
        event.preventDefault();
      } else if (event.key === "Enter" && document.activeElement === input && links.length) {
        event.preventDefault();
        dialog.close();
        window.location.href = links[0].href;
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if ((event.key === "/" || event.key === "s") && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    });
  }

  window.editionSearch = {
    load: receive,
    search: search,
    queryGroups: function (query) {
      return ready().then(function (settings) { return queryGroups(query, settings.stop, settings.t2s); });
    },
    analysis: { stem: stem, normalize: normalize, queryGroups: queryGroups, shardOf: shardOf, decode: decode },
    requested: requested,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
