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
  var SHOWN = 10; // in the dialog; the results page (search/) lists every hit
  var SUGGESTED = 6; // nearest glossary terms and topics offered when a query finds nothing
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
    if (payload.facets) return "facets.js";
    if (payload.suggest) return "suggest.js";
    if ("hantChunk" in payload) return "d-hant/" + payload.hantChunk + ".js";
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

  var BLOCK_KINDS = { heading: true, paragraph: true };
  var NAMED = { topic: true, term: true, plan: true }; // entries a phrase in their name puts first
  var INTENT = { target: true, "目标": true, "指标": true }; // a query naming targets wants the target paragraphs

  function stored(row) {
    var title = row[3] || row[7].slice(0, 2).join(" "); // a glossary entry: its Chinese and English names
    var doc = { kind: row[0], page: row[1], anchor: row[2], title: title, context: row[4], zh: row[5], en: row[6], names: row[7] };
    if (BLOCK_KINDS[doc.kind]) {
      // Stored as the block id without the plan id (build_tools/search/index.py): the ¶ id, and the anchor made from it.
      doc.block = doc.page.split("/")[1] + "/" + row[2];
      doc.anchor = row[2].replace(/[\/.]/g, "-");
    }
    return doc;
  }

  function fileUrls() {
    var logo = document.querySelector("a.md-logo");
    return logo ? /\.html$/.test(logo.getAttribute("href")) : /\.html$/.test(location.pathname);
  }

  /** A page's address relative to the site root, in the form the site uses (folders, or .html files offline). */
  function pagePath(page, anchor) {
    var path = fileUrls() ? page + ".html" : page === "index" ? "" : page.replace(/(^|\/)index$/, "$1") + "/";
    return path.replace(/\/\/$/, "/") + (anchor ? "#" + anchor : "");
  }

  function url(doc) {
    return root + pagePath(doc.page, doc.anchor);
  }

  function resultsUrl(query) {
    return root + pagePath("search/index", "") + "?q=" + encodeURIComponent(query);
  }

  /** Query words naming targets (targets, 目标, 指标, or a Chinese run ending in one) split from the subject. */
  function intentOf(query, settings) {
    var subject = [];
    var intent = false;
    words(query, settings.t2s).forEach(function (run) {
      var tail = run.slice(-2);
      if (INTENT[stem(run)] || INTENT[run]) intent = true;
      else if (HAN.test(run) && run.length > 2 && INTENT[tail]) {
        intent = true;
        subject.push(run.slice(0, -2));
      } else subject.push(run);
    });
    return intent && subject.length ? subject.join(" ") : "";
  }

  function isTerm(id, settings) {
    return id >= settings.terms[0] && id < settings.terms[1];
  }

  function postingsOf(term, settings) {
    var encoded = loaded["p/" + shardOf(term, settings.shards) + ".js"].postings[term];
    return encoded ? decode(encoded) : [];
  }

  /** Every document with the query's terms, scored from the postings alone (no stored field loaded yet). */
  function candidates(groups, settings) {
    var terms = [];
    groups.forEach(function (group) {
      group.forEach(function (term) { if (terms.indexOf(term) < 0) terms.push(term); });
    });
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
        postingsOf(term, settings).forEach(function (posting) {
          var entry = found[posting[0]] || (found[posting[0]] = { id: posting[0], score: 0, hits: 0, exact: 0, target: 0 });
          entry.score += posting[1];
          entry.hits += 1;
        });
      });
      postingsOf(named, settings).forEach(function (posting) {
        if (found[posting[0]]) found[posting[0]].exact = posting[1];
      });
      var entries = Object.keys(found).map(function (id) { return found[id]; });
      var every = entries.filter(function (entry) { return entry.hits === terms.length; });
      return { entries: every.length ? every : entries, all: every.length > 0, terms: terms };
    });
  }

  function byRank(a, b) {
    return b.target - a.target || b.exact - a.exact || b.hits - a.hits || b.score - a.score || a.id - b.id;
  }

  /** The candidates whose stored fields are loaded and re-ranked by phrase (glossary entries kept from crowding out text). */
  function poolOf(ranked, settings) {
    var pool = [];
    var glossary = 0;
    for (var i = 0; i < ranked.length && pool.length < POOL; i++) {
      var term = isTerm(ranked[i].id, settings);
      if (term && glossary >= POOL_TERMS && !ranked[i].exact) continue;
      if (term) glossary += 1;
      pool.push(ranked[i]);
    }
    return pool;
  }

  /** The script the reader chose with the view switch (edition.js sets it on <html>): "hant" or "hans". */
  function chosenScript() {
    return document.documentElement.getAttribute("data-script") === "hant" ? "hant" : "hans";
  }

  /**
   * The stored fields of some hits; with 繁體 chosen, each also gets `hant`, its Traditional text (d-hant/<n>.js,
   * never loaded for a Simplified reader). A missing Traditional chunk leaves `hant` unset: Simplified is shown.
   */
  function docsOf(entries, settings) {
    var chunks = [];
    entries.forEach(function (entry) {
      var chunk = Math.floor(entry.id / settings.chunk);
      if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
    });
    var hant = chosenScript() === "hant";
    var files = chunks.map(function (n) { return load("d/" + n + ".js"); });
    if (hant) files = files.concat(chunks.map(function (n) { return load("d-hant/" + n + ".js").catch(function () { return null; }); }));
    return Promise.all(files).then(function () {
      return entries.map(function (entry) {
        var n = Math.floor(entry.id / settings.chunk);
        var doc = stored(loaded["d/" + n + ".js"].docs[entry.id % settings.chunk]);
        if (hant && loaded["d-hant/" + n + ".js"]) doc.hant = loaded["d-hant/" + n + ".js"].docs[entry.id % settings.chunk];
        return doc;
      });
    });
  }

  var HAS_HANT = { heading: true, paragraph: true, term: true }; // kinds the edition prints in Traditional too
  var UNALIGNED = "简体显示 · Shown in Simplified: its Traditional text does not align character for character";

  /**
   * A hit's Chinese as the chosen script prints it: { title, zh, names, lang, note }. The Traditional text is the
   * edition's own (OpenCC, reviewed), of the same length as the Simplified, so a match found in the Simplified
   * marks the same characters in it; a text that does not align (build_tools/search/documents.py) stays Simplified
   * with a note.
   */
  function printed(doc) {
    var shown = { title: doc.title, zh: doc.zh, names: doc.names, lang: "zh-Hans", note: "" };
    if (chosenScript() !== "hant" || doc.hant === undefined || !HAS_HANT[doc.kind]) return shown;
    var source = doc.kind === "heading" ? doc.title : doc.kind === "term" ? doc.names[0] : doc.zh;
    if (doc.hant === null || (doc.hant && doc.hant.length !== source.length)) {
      shown.note = UNALIGNED;
      return shown;
    }
    shown.lang = "zh-Hant";
    if (!doc.hant) return shown; // the two scripts read alike
    if (doc.kind === "heading") shown.title = doc.hant;
    else if (doc.kind === "paragraph") shown.zh = doc.hant;
    else {
      shown.names = [doc.hant].concat(doc.names.slice(1));
      if (doc.title.indexOf(source) === 0) shown.title = doc.hant + doc.title.slice(source.length);
    }
    return shown;
  }

  function scriptNote(element, shown) {
    if (!shown.note) return;
    var note = document.createElement("span");
    note.className = "es-script-note";
    note.textContent = shown.note;
    element.appendChild(note);
  }

  /** The analysed words of a text (stopwords out, stems), one string: phrases are compared on these. */
  function phraseForm(text, settings) {
    return words(text, settings.t2s).map(function (run) {
      return HAN.test(run) ? run : settings.stop[run] ? "" : stem(run);
    }).filter(Boolean).join(" ");
  }

  /** 2 when the query's words stand together in a topic's, glossary entry's or plan's name, 1 in other text, plus 1 per Chinese word found whole. */
  function phraseScore(doc, query, settings) {
    var runs = words(query, settings.t2s);
    var whole = " " + phraseForm(query, settings) + " ";
    var named = " " + phraseForm([doc.title].concat(doc.names).join(" | "), settings) + " ";
    var body = " " + phraseForm(doc.zh + " | " + doc.en, settings) + " ";
    var text = normalize(doc.title + " " + doc.zh + " " + doc.en);
    var score = runs.filter(function (run) { return HAN.test(run) && text.indexOf(run) >= 0; }).length;
    if (runs.length > 1 && NAMED[doc.kind] && named.indexOf(whole) >= 0) score += 2;
    else if (runs.length > 1 && named.indexOf(whole) >= 0) score += 1;
    else if (runs.length > 1 && body.indexOf(whole) >= 0) score += 1;
    return score;
  }

  function facetsReady() {
    return load("facets.js").then(function (payload) {
      if (!payload.targetSet) payload.targetSet = targetIds(payload.facets.targets);
      return payload;
    });
  }

  function targetIds(encoded) {
    var set = {};
    var value = 0;
    var at = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = CONTINUE.indexOf(encoded[i]);
      if (digit >= 0) value = value * 32 + digit;
      else {
        at += value * 32 + FINAL.indexOf(encoded[i]);
        set[at] = true;
        value = 0;
      }
    }
    return set;
  }

  /**
   * Every hit of a query, best first: { entries: [{id, score, …, doc?}], pool (the re-ranked head, its docs loaded), all, groups }.
   * A query naming targets (robot targets, 机器人目标) searches its subject and puts the target paragraphs first.
   */
  function rank(query) {
    return ready().then(function (settings) {
      var subject = intentOf(query, settings);
      var groups = queryGroups(subject || query, settings.stop, settings.t2s);
      if (!groups.length) return { entries: [], pool: [], all: true, groups: groups, subject: "" };
      var facets = subject ? facetsReady() : Promise.resolve(null);
      return Promise.all([candidates(groups, settings), facets]).then(function (both) {
        var found = both[0];
        if (both[1]) found.entries.forEach(function (entry) { entry.target = both[1].targetSet[entry.id] ? 1 : 0; });
        var ranked = found.entries.sort(byRank);
        var pool = poolOf(ranked, settings);
        return docsOf(pool, settings).then(function (docs) {
          pool.forEach(function (entry, i) {
            entry.doc = docs[i];
            entry.phrases = phraseScore(docs[i], subject || query, settings);
          });
          pool.sort(function (a, b) {
            // Targets first only for a query naming targets (entry.target is 0 for every other query).
            return b.target - a.target || b.exact - a.exact || b.hits - a.hits || b.phrases - a.phrases || b.score - a.score || a.id - b.id;
          });
          var inPool = {};
          pool.forEach(function (entry) { inPool[entry.id] = true; });
          var rest = ranked.filter(function (entry) { return !inPool[entry.id]; });
          return { entries: pool.concat(rest), pool: pool, all: found.all, groups: groups, subject: subject };
        });
      });
    });
  }

  /** The dialog's answer: the first SHOWN results with their stored fields, and the true total. */
  function search(query) {
    var started = performance.now();
    return rank(query).then(function (ranking) {
      var results = ranking.pool.slice(0, SHOWN).map(function (entry) {
        return { doc: entry.doc, url: url(entry.doc), score: entry.score, hits: entry.hits, exact: entry.exact, phrases: entry.phrases, id: entry.id };
      });
      return {
        results: results, total: ranking.entries.length, all: ranking.all, groups: ranking.groups,
        subject: ranking.subject, ms: performance.now() - started,
      };
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

  /** A window of `text` around its first match, marked; `shown` (default: text) is what is printed, of the same length. */
  function snippet(element, text, query, settings, width, shown) {
    var ranges = matches(text, query, settings);
    var first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - Math.floor(width / 3));
    var space = text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < first) from = space + 1; // English: start at a word
    var to = Math.min(text.length, from + width);
    if (from > 0) element.appendChild(document.createTextNode("…"));
    fill(element, shown || text, ranges, from, to);
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

  /** The result's text in the query's language: Chinese for a Chinese query, else English (then what there is). */
  function bodyOf(doc, hasHan) {
    var variants = doc.kind === "term" ? doc.names.slice(2).join(" · ") : "";
    return hasHan ? doc.zh || doc.en || variants : doc.en || variants || doc.zh;
  }

  function render(dialog, query, answer, settings) {
    var list = dialog.querySelector(".es-results");
    var status = dialog.querySelector(".es-status");
    list.textContent = "";
    status.textContent = "";
    var hasHan = /[\u3400-\u9fff]/.test(normalize(query, settings.t2s));
    answer.results.forEach(function (result) {
      var doc = result.doc;
      var shown = printed(doc);
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
        fill(title, shown.title, matches(doc.title, query, settings), 0, doc.title.length);
        link.appendChild(title);
      }
      var body = bodyOf(doc, hasHan);
      if (body) {
        var text = document.createElement("span");
        text.className = "es-snippet";
        text.lang = body === doc.en ? "en" : body === doc.zh ? shown.lang : "zh-Hans";
        snippet(text, body, query, settings, body === doc.en ? 180 : 70, body === doc.zh ? shown.zh : body);
        link.appendChild(text);
      }
      if (hasHan || !doc.en) scriptNote(link, shown);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (answer.results.length) {
      status.appendChild(document.createTextNode(
        (answer.all ? "" : "没有包含全部检索词的结果，显示部分匹配 · No result has every word; partial matches: ") +
        (answer.total > answer.results.length
          ? "前 " + answer.results.length + " 条，共 " + answer.total + " 条结果 · " + answer.results.length + " of " + answer.total + " results · "
          : answer.total + " 条结果 results ")
      ));
      var all = document.createElement("a");
      all.className = "es-all";
      all.href = resultsUrl(query);
      all.textContent = "全部结果 All results →";
      status.appendChild(all);
    } else if (query.trim()) {
      status.textContent = "无结果 · No results";
      suggestInto(list, query, settings, function (suggestion) {
        var link = document.createElement("a");
        link.className = "es-result es-kind-" + suggestion.kind + " es-suggestion";
        return link;
      });
    }
    list.dataset.script = chosenScript();
    list.dataset.query = query;
  }

  // ------------------------------------------------------------------------------------- no hits: the nearest names

  /** Character bigrams of Chinese and trigrams of English words: a fuzzy likeness of a query and a name. */
  function grams(text, settings) {
    var found = {};
    words(text, settings.t2s).forEach(function (run) {
      var size = HAN.test(run) ? (run.length > 1 ? 2 : 1) : 3;
      var padded = HAN.test(run) ? run : " " + run + " ";
      for (var i = 0; i + size <= padded.length; i++) found[padded.slice(i, i + size)] = true;
    });
    return found;
  }

  function likeness(a, b) {
    var shared = 0;
    var sizeA = Object.keys(a).length;
    var sizeB = Object.keys(b).length;
    Object.keys(a).forEach(function (gram) { if (b[gram]) shared += 1; });
    return sizeA && sizeB ? (2 * shared) / (sizeA + sizeB) : 0;
  }

  /** The glossary entries and topics whose Chinese or English name is most like the query (suggest.js). */
  function nearest(query, settings) {
    return load("suggest.js").then(function (payload) {
      var wanted = grams(query, settings);
      var scored = payload.suggest.map(function (row) {
        var score = Math.max(likeness(wanted, grams(row[2], settings)), likeness(wanted, grams(row[3], settings)));
        return { page: row[0], anchor: row[1], zh: row[2], en: row[3], kind: row[0] === "glossary" ? "term" : "topic", score: score };
      }).filter(function (row) { return row.score >= 0.2; });
      scored.sort(function (a, b) { return b.score - a.score || (a.zh < b.zh ? -1 : 1); });
      return scored.slice(0, SUGGESTED);
    });
  }

  function suggestInto(list, query, settings, makeLink) {
    nearest(query, settings).then(function (suggestions) {
      if (list.dataset.query !== query || !suggestions.length) return;
      var note = document.createElement("li");
      note.className = "es-suggest-note";
      note.textContent = "相近的术语和专题 · Nearest glossary terms and topics:";
      list.appendChild(note);
      suggestions.forEach(function (suggestion) {
        var item = document.createElement("li");
        var link = makeLink(suggestion);
        link.href = url(suggestion);
        var kind = document.createElement("span");
        kind.className = "es-context";
        kind.textContent = suggestion.kind === "term" ? "术语表 Glossary" : "专题 Topic";
        var name = document.createElement("span");
        name.className = "es-title";
        name.textContent = suggestion.zh + " " + suggestion.en;
        link.appendChild(kind);
        link.appendChild(name);
        item.appendChild(link);
        list.appendChild(item);
      });
    });
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

  // ------------------------------------------------------------------------------------- the results page (search/)

  var PAGE = 50; // hits rendered at a time; their stored fields are loaded as they are shown
  var FILTERS = ["plan", "kind", "sort"];

  /** Facet lookups built once: the plan and kind of every document id, from the id ranges of facets.js. */
  function facetTables(payload, settings) {
    if (payload.tables) return payload.tables;
    var planOf = {};
    var kindOf = {};
    payload.facets.plans.forEach(function (plan) {
      for (var i = 0; i + 1 < plan[1].length; i += 2) for (var id = plan[1][i]; id < plan[1][i + 1]; id++) planOf[id] = plan[0];
    });
    payload.facets.kinds.forEach(function (run) {
      for (var id = run[1]; id < run[2]; id++) kindOf[id] = run[0];
    });
    payload.tables = { planOf: planOf, kindOf: kindOf, targets: targetIds(payload.facets.targets), settings: settings };
    return payload.tables;
  }

  function kindMatches(kind, entry, tables) {
    if (!kind) return true;
    if (kind === "target") return !!tables.targets[entry.id];
    return tables.kindOf[entry.id] === kind;
  }

  /** Hits per plan (under the chosen kind) and per kind (under the chosen plan), as a reader filters them. */
  function facetCounts(entries, state, tables) {
    var plans = {};
    var kinds = {};
    entries.forEach(function (entry) {
      var plan = tables.planOf[entry.id] || "";
      if (kindMatches(state.kind, entry, tables) && plan) plans[plan] = (plans[plan] || 0) + 1;
      if (!state.plan || plan === state.plan) {
        kinds[tables.kindOf[entry.id]] = (kinds[tables.kindOf[entry.id]] || 0) + 1;
        if (tables.targets[entry.id]) kinds.target = (kinds.target || 0) + 1;
      }
    });
    return { plan: plans, kind: kinds };
  }

  function readState() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "" };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  /** This page's address for a state: the query and the filters set, nothing else (shareable, citable). */
  function addressOf(state) {
    var params = new URLSearchParams();
    ["q"].concat(FILTERS).forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    return location.pathname + "?" + params.toString();
  }

  function optionLabels(select) {
    var labels = {};
    Array.prototype.forEach.call(select.options, function (option) { labels[option.value] = option.textContent; });
    return labels;
  }

  /** One facet list: each value with its count, a link to this page with that filter set (or cleared). */
  function renderFacet(element, name, counts, state, labels) {
    element.textContent = "";
    Object.keys(labels).forEach(function (value) {
      var count = value ? counts[value] || 0 : null;
      if (value && !count) return;
      var item = document.createElement("li");
      var next = {};
      Object.keys(state).forEach(function (key) { next[key] = state[key]; });
      next[name] = value;
      var link = document.createElement("a");
      link.href = addressOf(next);
      link.textContent = labels[value] + (count === null ? "" : " (" + count + ")");
      if (state[name] === value) link.setAttribute("aria-current", "true");
      item.appendChild(link);
      element.appendChild(item);
    });
  }

  function hitItem(doc, query, settings) {
    var item = document.createElement("li");
    item.className = "es-hit es-kind-" + doc.kind;
    var head = document.createElement("p");
    head.className = "es-hit-head";
    var link = document.createElement("a");
    link.href = url(doc);
    link.className = "es-hit-link";
    link.textContent = doc.block ? "¶ " + doc.block : doc.title;
    head.appendChild(link);
    var context = document.createElement("span");
    context.className = "es-context";
    context.textContent = doc.kind === "term" ? "术语表 Glossary" : doc.context;
    head.appendChild(context);
    item.appendChild(head);
    var shown = printed(doc);
    // [text matched, text printed (the chosen script, same length), its language]
    var texts = doc.kind === "heading" ? [[doc.title, shown.title, shown.lang]] : [[doc.zh, shown.zh, shown.lang], [doc.en, doc.en, "en"]];
    if (!/[\u3400-\u9fff]/.test(normalize(query, settings.t2s))) texts.reverse(); // the query's language first
    if (doc.kind === "term") texts = [[doc.names.join(" · "), shown.names.join(" · "), shown.lang]];
    texts.forEach(function (triple) {
      if (!triple[0]) return;
      var text = document.createElement("p");
      text.className = "es-snippet";
      text.lang = triple[2];
      snippet(text, triple[0], query, settings, triple[2] === "en" ? 260 : 110, triple[1]);
      item.appendChild(text);
    });
    scriptNote(item, shown);
    return item;
  }

  // ------------------------------------------------------------------------------------- concordance CSV

  function sentencesOf(text, english) {
    if (!text) return [];
    return english ? text.split(/(?<=[.;!?])\s+(?=[A-Z0-9“"(])/) : text.match(/[^。！？；]+[。！？；]*/g) || [text];
  }

  function matchedSentences(sentences, query, settings) {
    var found = [];
    sentences.forEach(function (sentence, i) { if (matches(sentence, query, settings).length) found.push(i); });
    return found;
  }

  /**
   * The sentences that hold the match, in Chinese and English (the same positions when the two split alike).
   * The Chinese is printed in the chosen script: the Traditional text aligns with the Simplified character for
   * character (printed()), so it splits into the same sentences, and the match is found in the Simplified ones.
   */
  function concordanceTexts(doc, query, settings) {
    var shown = printed(doc);
    if (doc.kind === "heading") return [shown.title, ""];
    if (doc.kind === "term") return [shown.names[0], doc.names[1]];
    var zh = sentencesOf(doc.zh || doc.title, false);
    var zhShown = sentencesOf(shown.zh || shown.title, false);
    if (zhShown.length !== zh.length) zhShown = zh;
    var en = sentencesOf(doc.en, true);
    var aligned = zh.length === en.length;
    var inZh = matchedSentences(zh, query, settings);
    var inEn = matchedSentences(en, query, settings);
    var pick = inZh.length ? inZh : inEn;
    var pickZh = inZh.length ? inZh : aligned ? inEn : [];
    var pickEn = inEn.length && !inZh.length ? inEn : aligned ? pick : [];
    var join = function (list, chosen) {
      return chosen.length ? chosen.map(function (i) { return list[i]; }).join(" … ") : list.join(" ");
    };
    return [join(zhShown, pickZh), join(en, pickEn)];
  }

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // a spreadsheet would read it as a formula
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /**
   * One row per hit. With 繁體 chosen the Chinese column is `zh_hant` (the text as the Traditional view prints it)
   * and a last column, `zh_script`, says per row which script the cell holds (hans where the edition has no aligned
   * Traditional text, e.g. a topic's scope).
   */
  function concordanceCsv(docs, query, settings, siteUrl, planLabels) {
    var hant = chosenScript() === "hant";
    var rows = [["plan", "paragraph_id", "url", hant ? "zh_hant" : "zh", "en"].concat(hant ? ["zh_script"] : [])];
    docs.forEach(function (doc) {
      var texts = concordanceTexts(doc, query, settings);
      var plan = doc.block ? doc.block.split("/")[0] : "";
      var row = [planLabels[plan] || plan, doc.block || "", siteUrl + pagePath(doc.page, doc.anchor), texts[0], texts[1]];
      rows.push(hant ? row.concat([printed(doc).lang === "zh-Hant" ? "hant" : "hans"]) : row);
    });
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function download(name, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function fileNameOf(query) {
    var safe = query.trim().replace(/[\\\/:*?"<>|\s]+/g, "-").slice(0, 40);
    return "concordance-" + (safe || "search") + (chosenScript() === "hant" ? "-hant" : "") + ".csv";
  }

  // ------------------------------------------------------------------------------------- the page itself

  function pageParts(container) {
    var form = container.querySelector("form");
    return {
      form: form,
      input: form.elements.q,
      selects: { plan: form.elements.plan, kind: form.elements.kind, sort: form.elements.sort },
      status: container.querySelector(".es-page-status"),
      planFacet: container.querySelector(".es-facet-plan"),
      kindFacet: container.querySelector(".es-facet-kind"),
      hits: container.querySelector(".es-hits"),
      more: container.querySelector(".es-more"),
      csv: container.querySelector(".es-csv"),
      siteUrl: container.getAttribute("data-site-url") || "",
    };
  }

  function bindForm(parts) {
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var state = { q: parts.input.value.trim() };
      FILTERS.forEach(function (name) { state[name] = parts.selects[name].value; });
      location.href = addressOf(state); // a new entry in the history: back returns to the previous search
    });
    FILTERS.forEach(function (name) {
      parts.selects[name].addEventListener("change", function () { parts.form.requestSubmit(); });
    });
  }

  function statusText(total, shown, state, all) {
    var partial = all ? "" : "没有包含全部检索词的结果，显示部分匹配 · No result has every word; partial matches: ";
    return partial + total + " 条结果 results for “" + state.q + "”" + (shown < total ? " · 已显示 " + shown + " shown" : "");
  }

  /** The hits a page state shows: the plan and kind chosen, best first or in the order of the texts. */
  function filtered(entries, state, tables) {
    var kept = entries.filter(function (entry) {
      return (!state.plan || tables.planOf[entry.id] === state.plan) && kindMatches(state.kind, entry, tables);
    });
    return state.sort === "text" ? kept.sort(function (a, b) { return a.id - b.id; }) : kept;
  }

  function showPage(parts, state, ranking, tables) {
    var settings = tables.settings;
    var labels = { plan: optionLabels(parts.selects.plan), kind: optionLabels(parts.selects.kind) };
    var counts = facetCounts(ranking.entries, state, tables);
    renderFacet(parts.planFacet, "plan", counts.plan, state, labels.plan);
    renderFacet(parts.kindFacet, "kind", counts.kind, state, labels.kind);
    var found = filtered(ranking.entries, state, tables);
    var shown = 0;
    var busy = Promise.resolve(); // "Show more" and a reprint in another script run one after the other
    parts.hits.textContent = "";
    function queued(task) {
      busy = busy.then(task);
      return busy;
    }
    function more() {
      var batch = found.slice(shown, shown + PAGE);
      parts.more.disabled = true;
      return docsOf(batch, settings).then(function (docs) {
        docs.forEach(function (doc) { parts.hits.appendChild(hitItem(doc, state.q, settings)); });
        parts.hits.dataset.script = chosenScript();
        shown += batch.length;
        parts.more.hidden = shown >= found.length;
        parts.more.disabled = false;
        parts.more.textContent = "显示更多 Show " + Math.min(PAGE, found.length - shown) + " more";
        parts.status.textContent = statusText(found.length, shown, state, ranking.all);
        parts.hits.dataset.shown = String(shown);
      });
    }
    parts.more.onclick = function () { return queued(more); };
    // The reader switched 简体/繁體 (here, or on another page of the edition): the hits shown are printed again.
    parts.redraw = function () {
      return queued(function () {
        return docsOf(found.slice(0, shown), settings).then(function (docs) {
          parts.hits.textContent = "";
          docs.forEach(function (doc) { parts.hits.appendChild(hitItem(doc, state.q, settings)); });
          parts.hits.dataset.script = chosenScript();
        });
      });
    };
    parts.csv.hidden = !found.length;
    parts.csv.onclick = function () {
      parts.csv.disabled = true;
      docsOf(found, settings).then(function (docs) {
        download(fileNameOf(state.q), concordanceCsv(docs, state.q, settings, parts.siteUrl, labels.plan));
        parts.csv.disabled = false;
      });
    };
    return queued(more).then(function () {
      parts.hits.dataset.total = String(found.length);
      parts.hits.dataset.query = state.q;
      if (!found.length) noHits(parts, state, settings);
    });
  }

  /** Print the hits again when <html data-script> changes (edition.js sets it from the view switch). */
  function followScript(parts) {
    var current = chosenScript();
    new MutationObserver(function () {
      if (chosenScript() === current) return;
      current = chosenScript();
      if (parts.redraw) parts.redraw();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-script"] });
  }

  function noHits(parts, state, settings) {
    parts.status.textContent = "无结果 · No results for “" + state.q + "”";
    suggestInto(parts.hits, state.q, settings, function () { return document.createElement("a"); });
  }

  function runPage(container) {
    var parts = pageParts(container);
    var state = readState();
    parts.input.value = state.q;
    FILTERS.forEach(function (name) { parts.selects[name].value = state[name]; });
    bindForm(parts);
    followScript(parts);
    if (!state.q.trim()) {
      parts.hits.dataset.query = "";
      return Promise.resolve();
    }
    parts.status.textContent = "检索中… Searching…";
    return Promise.all([rank(state.q), facetsReady(), ready()]).then(function (loaded) {
      return showPage(parts, state, loaded[0], facetTables(loaded[1], loaded[2]));
    });
  }

  /** The results page's hits for a query and filters ({plan, kind, sort}), the first `limit` with their stored fields. */
  function hits(query, filters, limit) {
    var state = { q: query, plan: filters.plan || "", kind: filters.kind || "", sort: filters.sort || "" };
    return Promise.all([rank(query), facetsReady(), ready()]).then(function (loaded) {
      var tables = facetTables(loaded[1], loaded[2]);
      var found = filtered(loaded[0].entries, state, tables);
      return docsOf(found.slice(0, limit || found.length), loaded[2]).then(function (docs) {
        return { total: found.length, results: docs.map(function (doc) { return { doc: doc, url: url(doc) }; }) };
      });
    });
  }

  window.editionSearch = {
    load: receive,
    search: search,
    hits: hits,
    queryGroups: function (query) {
      return ready().then(function (settings) { return queryGroups(query, settings.stop, settings.t2s); });
    },
    analysis: { stem: stem, normalize: normalize, queryGroups: queryGroups, shardOf: shardOf, decode: decode },
    requested: requested,
  };

  function start() {
    setUp();
    var container = document.querySelector(".es-page");
    if (container) runPage(container);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
