// The edition's tools on first use: edition.js fetches this file when a paragraph's menu
// opens, when words of a paragraph are selected, and on /briefing/. Nothing here runs at
// a paper page's load.
//
// - quotes with their citation, as rich text (HTML, the address a live link: it pastes
//   cleanly into Word and Outlook) and plain text, of a paragraph or of selected words;
// - links to a sentence: the paragraph's address with a text fragment
//   (…/evolution/#p1-3:~:text=…), which browsers find and highlight themselves;
// - the cite dialog of the menu's "Cite";
// - the briefing pack: "Add to briefing", and the /briefing/ page (its data is written
//   into that page at build time by the briefing extension, so it works from file://).
(function () {
  var SCRIPT = document.currentScript ? document.currentScript.src : location.href;
  var host = null; // what edition.js shares: announce, copy, address, label, …
  var PART = ".md-content p[id]"; // a paragraph of the author's text

  // ==== Shared: escaping, downloads, the paper's facts ====
  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function link(url, text) {
    return '<a href="' + escape(url) + '">' + escape(text || url) + "</a>";
  }

  // An address on screen: never broken at a hyphen ("iraq-/nato", "p2-4-/1"), only after
  // a slash, "#" or comma (<wbr>, which copied text does not carry).
  function shownAddress(url) {
    var shown = url.split(/([/#,])/).map(function (run, index) {
      if (index % 2) return run + "<wbr>";
      return run.indexOf("-") < 0 ? escape(run) : '<span class="briefing-nobreak">' + escape(run) + "</span>";
    }).join("");
    return '<a href="' + escape(url) + '">' + shown + "</a>";
  }

  function save(text, type, name) {
    var blob = new Blob([text], { type: type + ";charset=utf-8" });
    var anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(blob);
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    document.body.removeChild(anchor);
    window.setTimeout(function () { URL.revokeObjectURL(anchor.href); }, 1000);
  }

  // The short citation after a quotation, from the paper's facts on the page: "Al-Bayan
  // Center for Planning and Studies, Prospects for … NATO (Baghdad, August 2018)".
  function shortCite() {
    var boxes = host.citeBoxes();
    var title = document.querySelector('meta[name="citation_title"]');
    var plain = boxes ? boxes.getAttribute("data-short-cite") : document.title;
    var html = escape(plain);
    if (title) html = html.split(escape(title.content)).join("<i>" + escape(title.content) + "</i>");
    return { plain: plain, html: html };
  }

  function numberOf(id) {
    return id.slice(1).replace(/-/g, ".");
  }

  // "1.3", "1.3 and 1.4", "1.3, 1.4 and 1.5"
  function numbers(ids) {
    var all = ids.map(numberOf);
    return all.length < 2 ? all.join("") : all.slice(0, -1).join(", ") + " and " + all[all.length - 1];
  }

  // ==== Quotes: a paragraph, or the words selected in one or more ====
  // The author's words of part of a paragraph: no number, no editorial parts; each note
  // mark becomes a break (NUL), because a text fragment cannot match across one.
  var BREAK = "\u0000";
  function marked(contents) {
    contents.querySelectorAll("sup").forEach(function (sup) { sup.replaceWith(BREAK); });
    contents.querySelectorAll(".editorial").forEach(function (part) { part.remove(); });
    return contents.textContent.replace(/\s+/g, " ");
  }

  function tidy(text) {
    return text.split(BREAK).join("").replace(/\s+/g, " ").trim();
  }

  // A letter, digit or apostrophe inside a word: a selection is widened to whole words.
  var WORD = /[\p{L}\p{N}\p{M}’']/u;

  // The part of ``paragraph`` inside ``range``, widened to whole words: its words, the
  // runs between note marks (for the text fragment) and the words before it.
  function part(paragraph, range) {
    var whole = document.createRange();
    whole.selectNodeContents(paragraph);
    var inside = whole.cloneRange();
    if (range.compareBoundaryPoints(Range.START_TO_START, whole) > 0) inside.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, whole) < 0) inside.setEnd(range.endContainer, range.endOffset);
    var head = whole.cloneRange();
    head.setEnd(inside.startContainer, inside.startOffset);
    var tail = whole.cloneRange();
    tail.setStart(inside.endContainer, inside.endOffset);
    var before = marked(head.cloneContents()), middle = marked(inside.cloneContents());
    var text = before + middle + marked(tail.cloneContents());
    var from = before.length, to = from + middle.length;
    while (from > 0 && WORD.test(text[from - 1]) && WORD.test(text[from])) from--;
    while (to < text.length && WORD.test(text[to - 1]) && WORD.test(text[to])) to++;
    while (from < to && /[\s\u0000]/.test(text[from])) from++;
    while (to > from && /[\s\u0000]/.test(text[to - 1])) to--;
    var runs = text.slice(from, to).split(BREAK).map(tidy).filter(Boolean);
    return { id: paragraph.id, words: tidy(text.slice(from, to)), runs: runs, lead: text.slice(0, from).replace(/\s+$/, "") };
  }

  // The paragraphs of the author's text the reader's selection touches, each with the
  // selected words; null when nothing of the paper's text is selected.
  function selectedParts() {
    var selection = getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var parts = [];
    document.querySelectorAll(PART).forEach(function (paragraph) {
      if (!paragraph.querySelector(".edition-control--paragraph") || !range.intersectsNode(paragraph)) return;
      var found = part(paragraph, range);
      if (found.words) parts.push(found);
    });
    return parts.length ? parts : null;
  }

  // ---- Text fragments: …#p1-3:~:text=start,end ----
  // Percent-encoded as the text fragment syntax asks: "-", "&" and "," are its own signs.
  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  var pageText = null;
  function occurrences(text) {
    if (pageText === null) pageText = document.body.innerText.replace(/\s+/g, " ").toLowerCase();
    var count = 0, at = -1, needle = text.toLowerCase();
    while ((at = pageText.indexOf(needle, at + 1)) >= 0) count++;
    return count;
  }

  // The directive for one paragraph's part: the words themselves when short, else the
  // first and last words; a longer start, then the words before it, until the start is
  // the only one on the page (browsers highlight the first match); a longer end until
  // the selection holds it only at its end. No term crosses a note mark: the page shows
  // the mark's number between the words.
  function directive(found) {
    var runs = found.runs, single = runs.length === 1;
    var first = runs[0].split(" "), last = runs[runs.length - 1].split(" ");
    var start = single && first.length <= 8 ? first : first.slice(0, 4);
    var end = start === first ? [] : last.slice(-4);
    while (occurrences(start.join(" ")) > 1 && start.length < Math.min(first.length, 10)) {
      start = first.slice(0, start.length + 1);
    }
    var after = single ? first.slice(start.length) : last;
    while (end.length && end.length < after.length && after.join(" ").indexOf(end.join(" ")) < after.join(" ").length - end.join(" ").length) {
      end = after.slice(-end.length - 1);
    }
    if (single && start.length + end.length >= first.length) {
      start = first;
      end = [];
    }
    // The words right before, up to a note mark, when the start is not unique.
    var prefix = occurrences(start.join(" ")) > 1 ? found.lead.split(BREAK).pop().trim().split(" ").slice(-3).join(" ") : "";
    return "text=" + (prefix ? encode(prefix) + "-," : "") + encode(start.join(" ")) +
      (end.length ? "," + encode(end.join(" ")) : "");
  }

  function fragmentLink(found) {
    return host.address(found.id) + ":~:" + directive(found);
  }

  // The quotation and its short citation, as HTML and as text. ``links`` are the hrefs
  // (with text fragments for selected words); the HTML shows the paragraphs' addresses.
  function quotation(parts, links) {
    var cite = shortCite();
    var ids = parts.map(function (p) { return p.id; });
    var sign = "¶ " + numbers(ids);
    var plainWords = parts.map(function (p) { return p.words; });
    var plain = "“" + plainWords.join("\n“") + "” (" + cite.plain + ", " + sign + ") " + links.join(" ");
    var html = parts.map(function (p, index) {
      var last = index === parts.length - 1;
      return "<p>“" + escape(p.words) + (last
        ? "” (" + cite.html + ", " + sign + ") " +
          links.map(function (href, n) { return link(href, host.address(ids[n])); }).join(" ")
        : "") + "</p>";
    }).join("");
    return { html: html, plain: plain };
  }

  // The menu's "Copy quote": the selected words when the selection lies in this
  // paragraph (the label said so), else the whole paragraph.
  function quote(paragraph) {
    var parts = selectedParts();
    if (parts && parts.length === 1 && parts[0].id === paragraph.id) return quoteParts(parts, true);
    var whole = document.createRange();
    whole.selectNodeContents(paragraph);
    return quoteParts([part(paragraph, whole)], false);
  }

  function quoteParts(parts, selected) {
    var links = parts.map(function (p) { return selected ? fragmentLink(p) : host.address(p.id); });
    var both = quotation(parts, links);
    return host.copy(both.plain, "Quote copied", both.html);
  }

  function selected(paragraph) {
    var parts = selectedParts();
    return Boolean(parts && parts.length === 1 && parts[0].id === paragraph.id);
  }

  // ---- The control beside a selection: Copy quote, Copy link ----
  // Built on the first selection; placed under the selection's last line, and in the
  // document right after the last paragraph it touches, so Tab from the selected words
  // reaches it. A press on it keeps the selection (no focus change on mousedown).
  var bar = null, current = null, pressing = false, timer = 0;

  function buildBar() {
    bar = document.createElement("div");
    bar.className = "edition-quote-bar editorial";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Selected words");
    bar.innerHTML =
      '<button type="button" data-tool="quote">Copy quote</button>' +
      '<button type="button" data-tool="link">Copy link</button>';
    bar.addEventListener("mousedown", function (event) { event.preventDefault(); });
    // A tap may clear the selection before its click arrives: the bar stays meanwhile.
    bar.addEventListener("pointerdown", function () {
      pressing = true;
      window.setTimeout(function () { pressing = false; }, 800);
    });
    bar.addEventListener("click", function (event) {
      pressing = false;
      var button = event.target.closest("button");
      // The words selected now: a reader who tabs here at once may be quicker than the
      // bar's last update (150 ms after the selection stops changing).
      var parts = selectedParts() || current;
      if (!button || !parts) return;
      if (button.getAttribute("data-tool") === "quote") quoteParts(parts, true);
      else {
        var links = parts.map(fragmentLink);
        host.copy(links.join("\n"), "Link copied", links.map(function (href) { return link(href); }).join("<br>"));
      }
    });
    bar.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hideBar();
    });
  }

  function hideBar() {
    current = null;
    if (bar) bar.hidden = true;
  }

  function showBar(parts) {
    if (!bar) buildBar();
    current = parts;
    var last = document.getElementById(parts[parts.length - 1].id);
    if (bar.previousElementSibling !== last) last.after(bar);
    bar.hidden = false;
    var rects = getSelection().getRangeAt(0).getClientRects();
    var end = rects.length ? rects[rects.length - 1] : last.getBoundingClientRect();
    var parent = bar.offsetParent;
    var origin = parent ? parent.getBoundingClientRect() : { top: -window.scrollY, left: -window.scrollX };
    // Below the selection's end, clear of the handles a touch screen draws there.
    var gap = window.matchMedia("(pointer: coarse)").matches ? 28 : 6;
    var width = bar.offsetWidth;
    var left = Math.max(8, Math.min(end.right - width / 2, document.documentElement.clientWidth - width - 8));
    bar.style.top = end.bottom + gap - origin.top + "px";
    bar.style.left = left - origin.left + "px";
  }

  function onSelection() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      pageText = null;
      var parts = selectedParts();
      if (parts) showBar(parts);
      else if (!pressing && !(bar && bar.contains(document.activeElement))) hideBar();
    }, 150);
  }

  // ==== The cite dialog: one style at a time, picked from a list ====
  var MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The same formats as DATE_FORMATS in citation.py.
  function formatDate(day, format) {
    var y = day.getFullYear(), m = day.getMonth() + 1, d = day.getDate();
    if (format === "iso") return y + "-" + pad(m) + "-" + pad(d);
    if (format === "ris") return y + "/" + pad(m) + "/" + pad(d);
    return MONTHS[m - 1] + " " + d + ", " + y;
  }

  var dialog = null, source = null;

  function buildDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "edition-cite";
    dialog.setAttribute("aria-labelledby", "edition-cite-title");
    dialog.innerHTML =
      '<h2 id="edition-cite-title"></h2>' +
      '<p class="edition-cite-pick"><label for="edition-cite-style">Style</label> ' +
      '<select id="edition-cite-style"></select></p>' +
      '<div class="edition-cite-text" tabindex="0" aria-label="Reference"></div>' +
      '<p class="edition-cite-actions">' +
      '<button type="button" data-action="cite-copy">Copy</button>' +
      '<button type="button" data-action="cite-download">Download</button>' +
      '<button type="button" data-action="cite-close">Close</button></p>';
    document.body.appendChild(dialog);
    dialog.addEventListener("click", function (event) {
      var what = event.target.closest("button") && event.target.closest("button").getAttribute("data-action");
      if (what === "cite-copy") {
        host.copy(source.plain, dialog.querySelector("select option:checked").textContent + " reference copied");
      }
      if (what === "cite-download") download();
      if (what === "cite-close") dialog.close();
    });
    dialog.querySelector("select").addEventListener("change", function (event) {
      try { localStorage.setItem("edition-cite-style", event.target.value); } catch (e) { /* */ }
      show();
    });
  }

  // The reference as shown: the access date filled in, and the section's address
  // replaced by the paragraph's; the address's hyphens never break a line (U+2011 on
  // screen; what is copied or saved is the plain text).
  function reference(style) {
    var text = style.querySelector(".cite-text").cloneNode(true);
    var today = new Date();
    text.querySelectorAll("[data-access-date]").forEach(function (span) {
      span.textContent = formatDate(today, span.getAttribute("data-access-date"));
    });
    var plain = text.textContent.split(host.address(source.from)).join(host.address(source.target));
    return { node: text, plain: plain };
  }

  function show() {
    var key = dialog.querySelector("select").value;
    var style = source.box.querySelector('[data-cite-style="' + key + '"]');
    var ref = reference(style);
    var from = host.address(source.from), to = host.address(source.target);
    var walker = document.createTreeWalker(ref.node, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.data.indexOf(from) < 0) return;
      var parts = node.data.split(from);
      var fragment = document.createDocumentFragment();
      parts.forEach(function (part, index) {
        if (index) {
          var url = document.createElement("span");
          url.className = "cite-url";
          // Non-breaking hyphens; a break allowed after each slash (zero-width space).
          url.textContent = to.replace(/-/g, "\u2011").replace(/^(\w+:\/\/)(.*)$/, function (all, scheme, rest) {
            return scheme + rest.replace(/([/#])/g, "$1\u200b");
          });
          fragment.appendChild(url);
        }
        fragment.appendChild(document.createTextNode(part));
      });
      node.parentNode.replaceChild(fragment, node);
    });
    var shown = dialog.querySelector(".edition-cite-text");
    shown.textContent = "";
    shown.appendChild(ref.node);
    source.plain = ref.plain;
    source.style = style;
    var download = dialog.querySelector('[data-action="cite-download"]');
    download.hidden = !style.hasAttribute("data-download");
    download.textContent = "Download ." + (style.getAttribute("data-download") || "").split(".").pop();
  }

  function openCite(control) {
    var target = host.owned(control);
    var found = host.citeBoxFor(target);
    // The control holds the focus when the dialog opens: closing the dialog gives it back.
    host.close(true);
    if (!dialog) buildDialog();
    source = { box: found.box, from: found.from, target: target.id, control: control };
    var select = dialog.querySelector("select");
    select.textContent = "";
    found.box.querySelectorAll(".cite-style").forEach(function (style) {
      var option = document.createElement("option");
      option.value = style.getAttribute("data-cite-style");
      option.textContent = style.querySelector(".cite-label").textContent;
      select.appendChild(option);
    });
    var saved = null;
    try { saved = localStorage.getItem("edition-cite-style"); } catch (e) { /* */ }
    if (saved && select.querySelector('option[value="' + saved + '"]')) select.value = saved;
    dialog.querySelector("h2").textContent = "Cite " + host.label(control);
    show();
    dialog.showModal();
    select.focus();
  }

  function download() {
    save(source.plain, source.style.getAttribute("data-type"), source.style.getAttribute("data-download"));
  }


  // ==== The briefing pack: ids in the browser's storage, in the reader's order ====
  var memory = []; // where storage is refused: the pack lasts as long as the page

  function readPack() {
    try {
      var value = localStorage.getItem(host.PACK);
      return value ? value.split(",").filter(Boolean) : [];
    } catch (e) {
      return memory.slice();
    }
  }

  function writePack(ids) {
    memory = ids.slice();
    try {
      if (ids.length) localStorage.setItem(host.PACK, ids.join(","));
      else localStorage.removeItem(host.PACK);
    } catch (e) { /* refused: kept in memory */ }
  }

  // The paper's order: p0-1 < p1-3 < p2-0 < p2-1-1 (the ids are the paragraphs' numbers).
  function paperOrder(a, b) {
    var x = a.slice(1).split("-"), y = b.slice(1).split("-");
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (i < x.length ? +x[i] : -1) - (i < y.length ? +y[i] : -1);
      if (d) return d;
    }
    return 0;
  }

  function count(n) {
    return n + (n === 1 ? " paragraph" : " paragraphs");
  }

  // Added where the paper's order puts it, before the first chosen paragraph that follows
  // it in the paper (at the end if the reader's order has none).
  function togglePack(id) {
    var ids = readPack();
    var at = ids.indexOf(id);
    if (at >= 0) {
      ids.splice(at, 1);
      writePack(ids);
      host.announce("Removed ¶ " + numberOf(id) + " from the briefing (" + count(ids.length) + ")");
      return;
    }
    var next = ids.findIndex(function (other) { return paperOrder(other, id) > 0; });
    ids.splice(next < 0 ? ids.length : next, 0, id);
    writePack(ids);
    host.announce("Added ¶ " + numberOf(id) + " to the briefing (" + count(ids.length) + ")");
  }

  // ==== The /briefing/ page ====
  // Built from the paper's paragraphs written into the page (briefing.py) and the ids in
  // storage; a share link (/briefing/#p1-3,p2-4-1) replaces the stored pack, and the one
  // it replaced can be restored. Each change re-renders the list (at most the paper's
  // 21 paragraphs) and puts the focus back where the reader was.
  var NOTE_LOST = "original text lost; the edition’s summary";

  function briefingPage(root, ready) {
    var data = JSON.parse(document.getElementById("briefing-data").textContent);
    var byId = {};
    data.paragraphs.forEach(function (p) { byId[p.id] = p; });
    var paper = data.paper;
    function known(id) { return Object.prototype.hasOwnProperty.call(byId, id); }

    // Links into this copy of the edition: file URLs (evolution.html) in the offline one.
    var fileUrls = /briefing\.html$/.test(location.pathname);
    var siteRoot = new URL(fileUrls ? "./" : "../", location.href).href;
    function local(name, anchor) {
      var path = name === "index" ? (fileUrls ? "index.html" : "") : name + (fileUrls ? ".html" : "/");
      return siteRoot + path + (anchor ? "#" + anchor : "");
    }

    var ids = readPack().filter(known);
    var previous = null;

    var view = document.createElement("div");
    view.className = "briefing-view";
    view.innerHTML =
      '<div class="briefing-notice" tabindex="-1" hidden><p></p>' +
      '<button type="button" data-pack="restore" hidden>Restore your previous briefing</button></div>' +
      '<p class="briefing-byline">From <i>' + escape(paper.title) + "</i>, " + escape(paper.publisher) +
      ", " + escape(paper.place) + ", " + escape(paper.date) + ". Online edition: " + shownAddress(paper.edition) + "</p>" +
      '<p class="briefing-count"></p>' +
      '<div class="briefing-actions" role="group" aria-label="The whole briefing">' +
      '<button type="button" data-pack="copy">Copy all</button>' +
      '<button type="button" data-pack="share">Copy share link</button>' +
      '<button type="button" data-pack="print">Print or save as PDF</button>' +
      '<button type="button" data-pack="sort">Paper’s order</button>' +
      '<button type="button" data-pack="empty">Empty the briefing</button></div>' +
      '<p class="briefing-share">Share link: <a></a></p>' +
      '<ol class="briefing-list"></ol>' +
      '<div class="briefing-empty" tabindex="-1" hidden><p>Your briefing is empty. On any page of the ' +
      'paper, open a paragraph’s number (¶) and choose <strong>Add to briefing</strong>. ' +
      '</p><p><a href="' + local("index") + '">Start with the introduction</a></p></div>';
    view.hidden = true; // until the stylesheet is in (below)
    root.appendChild(view);
    var list = view.querySelector(".briefing-list");
    var notice = view.querySelector(".briefing-notice");

    function shareLink() {
      return data.page + "#" + ids.join(",");
    }

    function say(message, restorable) {
      notice.querySelector("p").textContent = message;
      notice.querySelector("button").hidden = !restorable;
      notice.hidden = !message;
      if (message) host.announce(message);
    }

    // The words with the author's note numbers where they stand.
    function wordsHtml(p, spoken) {
      var html = "", at = 0;
      p.notes.forEach(function (note) {
        html += escape(p.words.slice(at, note.at)) + "<sup>" +
          (spoken ? '<span class="visually-hidden">Note </span>' : "") + escape(note.id) + "</sup>";
        at = note.at;
      });
      return html + escape(p.words.slice(at));
    }

    function where(p) {
      return p.part + (p.area ? " · " + p.area : "");
    }

    function noteHtml(note, href) {
      return "<p><strong>Note " + escape(note.id) + "</strong> (" + NOTE_LOST + "): " + escape(note.claim) +
        (note.verdict ? " Verdict: " + link(href, note.verdict) + "." : "") + "</p>";
    }

    function notePlain(note) {
      return "Note " + note.id + " (" + NOTE_LOST + "): " + note.claim +
        (note.verdict ? " Verdict: " + note.verdict + ". " + note.url : "");
    }

    function render(focus) {
      var total = ids.length;
      list.innerHTML = ids.map(function (id, index) {
        var p = byId[id], n = "¶ " + p.number;
        return '<li class="briefing-item" data-id="' + id + '">' +
          '<h2 class="briefing-title"><a href="' + escape(local(p.page, id)) + '">' + n + "</a> " +
          '<span class="briefing-where">' + escape(where(p)) + "</span></h2>" +
          '<blockquote class="briefing-words"><p>' + wordsHtml(p, true) + "</p></blockquote>" +
          (p.notes.length ? '<div class="briefing-notes">' + p.notes.map(function (note) {
            return noteHtml(note, local("sources", "note-" + note.id));
          }).join("") + "</div>" : "") +
          '<p class="briefing-address">' + shownAddress(p.url) + "</p>" +
          '<p class="briefing-item-actions" role="group" aria-label="' + n + '">' +
          '<button type="button" data-pack="up" aria-label="Move ' + n + ' up"' + (index ? "" : " disabled") + ">Move up</button>" +
          '<button type="button" data-pack="down" aria-label="Move ' + n + ' down"' + (index < total - 1 ? "" : " disabled") + ">Move down</button>" +
          '<button type="button" data-pack="remove" aria-label="Remove ' + n + '">Remove</button></p></li>';
      }).join("");
      view.querySelector(".briefing-count").textContent = total ? count(total) + ", in the order shown:" : "";
      view.querySelector(".briefing-actions").hidden = !total;
      var share = view.querySelector(".briefing-share");
      share.hidden = !total;
      share.querySelector("a").outerHTML = shownAddress(shareLink());
      view.querySelector(".briefing-empty").hidden = total > 0;
      // What a printed page names as its address: this selection, not the empty page.
      var printed = document.querySelector(".edition-print-address");
      if (printed) printed.textContent = total ? shareLink() : data.page;
      if (focus) focus();
    }

    function focusOn(id, action) {
      return function () {
        var item = list.querySelector('[data-id="' + id + '"]');
        var button = item && item.querySelector('[data-pack="' + action + '"]');
        if (button && button.disabled) button = item.querySelector('[data-pack="' + (action === "up" ? "down" : "up") + '"]');
        if (button && !button.disabled) button.focus();
        else if (item) item.querySelector('[data-pack="remove"]').focus();
        else view.querySelector(ids.length ? ".briefing-actions button" : ".briefing-empty").focus();
      };
    }

    function change(next, focus, message) {
      ids = next;
      writePack(ids);
      render(focus);
      if (message) host.announce(message);
    }

    // ---- What leaves the page: copy all (rich text and plain); print or PDF ----
    function heading() {
      return "Briefing: " + paper.title;
    }

    function exportHtml() {
      return "<h1>" + escape(heading()) + "</h1>" +
        "<p>Paragraphs of <i>" + escape(paper.title) + "</i>, " + escape(paper.publisher) + ", " +
        escape(paper.place) + ", " + escape(paper.date) + ", from the online edition " + link(paper.edition) +
        ". This selection: " + link(shareLink()) + "</p>" +
        ids.map(function (id) {
          var p = byId[id];
          return "<h2>¶ " + escape(p.number) + " · " + escape(where(p)) + "</h2>" +
            "<blockquote><p>" + wordsHtml(p, false) + "</p></blockquote>" +
            p.notes.map(function (note) { return noteHtml(note, note.url); }).join("") +
            "<p>" + link(p.url) + "</p>";
        }).join("");
    }

    function exportPlain() {
      return [heading(),
        "Paragraphs of " + paper.title + ", " + paper.publisher + ", " + paper.place + ", " + paper.date +
        ", from the online edition " + paper.edition,
        "This selection: " + shareLink()].join("\n") + "\n\n" +
        ids.map(function (id) {
          var p = byId[id];
          return ["¶ " + p.number + " · " + where(p), "“" + p.words + "”"]
            .concat(p.notes.map(notePlain), [p.url]).join("\n");
        }).join("\n\n") + "\n";
    }

    // ---- A share link: /briefing/#p1-3,p2-4-1 ----
    function openShared() {
      var hash = location.hash.slice(1);
      try { hash = decodeURIComponent(hash); } catch (e) { /* kept as written */ }
      // A link to a heading of this page is not a share link.
      if (!hash || document.getElementById(hash)) return;
      var good = [], bad = [];
      hash.split(",").forEach(function (raw) {
        var id = raw.trim();
        if (!id) return;
        if (!known(id)) bad.push(id.length > 40 ? id.slice(0, 40) + "…" : id);
        else if (good.indexOf(id) < 0) good.push(id);
      });
      history.replaceState(null, "", location.pathname + location.search);
      var message = "", restorable = false;
      if (good.length) {
        message = "Opened a shared briefing of " + count(good.length) + ".";
        if (ids.length && ids.join() !== good.join()) {
          previous = ids;
          restorable = true;
          message += " It replaces yours of " + count(ids.length) + ", which you can restore.";
        }
        ids = good;
        writePack(ids);
      } else {
        message = "The link named no paragraph of the paper; your briefing is unchanged.";
      }
      if (bad.length) {
        message += " Left out, not paragraphs of this paper: " + bad.slice(0, 10).join(", ") +
          (bad.length > 10 ? " and " + (bad.length - 10) + " more" : "") + ".";
      }
      say(message, restorable);
    }

    view.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-pack]");
      if (!button) return;
      var action = button.getAttribute("data-pack");
      var item = button.closest(".briefing-item");
      var id = item && item.getAttribute("data-id");
      var at = ids.indexOf(id), next = ids.slice();
      if (action === "up" || action === "down") {
        var to = action === "up" ? at - 1 : at + 1;
        next.splice(at, 1);
        next.splice(to, 0, id);
        change(next, focusOn(id, action), "¶ " + numberOf(id) + " moved " + action + ": " + (to + 1) + " of " + next.length);
      } else if (action === "remove") {
        next.splice(at, 1);
        var after = next[Math.min(at, next.length - 1)];
        change(next, focusOn(after, "remove"), "Removed ¶ " + numberOf(id) + "; " + count(next.length) + " left");
      } else if (action === "sort") {
        change(next.sort(paperOrder), null, "In the paper’s order");
      } else if (action === "empty") {
        previous = ids;
        change([], focusOn(null), "");
        say("The briefing is empty now.", true);
      } else if (action === "restore") {
        var back = previous || [];
        previous = null;
        change(back, null, "");
        say("Your previous briefing is back: " + count(back.length) + ".", false);
      } else if (action === "copy") {
        host.copy(exportPlain(), "Briefing copied: " + count(ids.length), exportHtml());
      } else if (action === "share") {
        host.copy(shareLink(), "Share link copied", link(shareLink()));
      } else if (action === "print") {
        window.print();
      }
    });

    // Paragraphs added or removed in another tab of the edition.
    window.addEventListener("storage", function (event) {
      if (event.key === host.PACK || event.key === null) {
        ids = readPack().filter(known);
        render();
      }
    });
    window.addEventListener("hashchange", function () {
      openShared();
      render();
    });

    // Rendered once the stylesheet is in: unstyled buttons would change size under the eye.
    ready(function () {
      openShared();
      render();
      view.hidden = false;
    });
  }

  // ==== Start: the stylesheet, then what this page needs ====
  function start(given) {
    host = given;
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("../stylesheets/briefing.css", SCRIPT).href;
    var loaded = false, queued = [];
    function ready(then) {
      if (loaded) then();
      else queued.push(then);
    }
    sheet.onload = sheet.onerror = function () {
      loaded = true;
      queued.splice(0).forEach(function (then) { then(); });
    };
    document.head.appendChild(sheet);
    document.addEventListener("selectionchange", onSelection);
    onSelection();
    var root = document.getElementById("briefing");
    if (root && document.getElementById("briefing-data")) briefingPage(root, ready);
    return { quote: quote, selected: selected, pack: togglePack, cite: openCite };
  }

  window.editionTools(start);
})();
