// The edition's scripts, one file so a page makes one request for them. The page loads
// it just before Material's bundle (overrides/main.html), because the first section must
// be in place before the bundle starts; the others wait for the document.

// ==== The edition's layer, shown or hidden ====
// The reader's choice, remembered across pages: "off" hides the edition's notes and
// marks (edition.css, .edition-plain); the author's text and notes always stay. A line
// in the page's head (overrides/main.html) sets it before the first paint; this sets it
// again, harmlessly, for a host whose policy refused that inline script (its hash is in
// deploy/nginx.conf and deploy/_headers): there the choice still holds, a moment later.
(function () {
  try {
    if (localStorage.getItem("edition-layer") === "off") {
      document.documentElement.classList.add("edition-plain");
    }
  } catch (error) { /* storage refused: the layer shows */ }
})();

// ==== The colour palette (light, dark) ====
// Material's palette script is not mounted (overrides/partials/palette.html says why);
// a line after the header's toggle sets the palette up before the first paint. This is
// the toggle at work: the reader's choice applied to the page and remembered where
// Material's inline script reads it on the next page (its storage key, its format).
(function () {
  var OPTIONS = 'input[name="__palette"]';

  function choose(input) {
    var options = Array.prototype.slice.call(document.querySelectorAll(OPTIONS));
    var index = options.indexOf(input);
    var color = {};
    // As Material does: transitions off while the colours change, back on a frame later.
    document.body.setAttribute("data-md-color-switching", "");
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    options.forEach(function (option, at) {
      var toggle = option.nextElementSibling;
      if (toggle && toggle.tagName === "LABEL") toggle.hidden = at !== index;
    });
    var scheme = document.querySelector('meta[name="color-scheme"]');
    if (scheme) scheme.content = getComputedStyle(document.body).colorScheme;
    requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
    if (window.__md_set) __md_set("__palette", { index: index, color: color });
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches(OPTIONS)) choose(event.target);
  });
  // The options are hidden radio buttons, each shown by the toggle after it: Enter on
  // the focused one moves to the next palette, as in Material.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches || !event.target.matches(OPTIONS)) return;
    event.preventDefault();
    var options = Array.prototype.slice.call(document.querySelectorAll(OPTIONS));
    var next = options[(options.indexOf(event.target) + 1) % options.length];
    next.click();
    next.focus();
  });
})();

// ==== The contents follow the reader at once ====
// Material keeps the contents' current entry in view (its feature toc.follow) by scrolling
// the sidebar, smoothly when the reader has been still for a moment. In Chromium a smooth
// scroll of one box drops a jump of the page made while it runs (the same bug as
// dotnet/docfx#9150): a link followed within half a second of the last one, or a second
// entry of the contents, left the reader where they were. The sidebar's scroll is made
// instant, so every jump lands; the entry still comes into view.
(function () {
  var scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (options) {
    if (options && options.behavior === "smooth" && this.closest(".md-sidebar")) {
      return scrollTo.call(this, { top: options.top, left: options.left });
    }
    return scrollTo.apply(this, arguments);
  };
})();

// ==== Note previews ====
// Pointing at or focusing a note number shows its whole note beside it, in Material's
// tooltip (its classes, so its look and placement). Material's own footnote tooltips
// (the feature content.footnote.tooltips, off in mkdocs.yml) set up some twenty
// observers for every note number at load: on a paper page the largest part of its
// script's start. Here the events are delegated and the one preview is built when it
// is first wanted. As in Material: it opens at once, closes a quarter of a second after
// the pointer leaves both number and preview (the pointer may cross into it to follow a
// record's link). Unlike Material's, the dialog is named ("Note 5", "Editorial note
// E3"), and it is placed where it fits whole, never under the sticky header.
(function () {
  var REF = "a.footnote-ref";
  var box = null, inner = null, host = null, hiding = 0;

  function build() {
    box = document.createElement("div");
    box.className = "md-tooltip2";
    box.id = "edition-note-preview";
    box.setAttribute("role", "dialog");
    inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    box.appendChild(inner);
    document.body.appendChild(box);
  }

  // Below the number, unless it fits only above, between the number and the sticky
  // header. (Material's rule, above in the lower half of the window, could put it under
  // the header in a short window; below, a preview too long for the window can still be
  // scrolled to.)
  function place(ref) {
    var rect = ref.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var need = box.offsetHeight + 16;
    var below = window.innerHeight - rect.bottom;
    var aboveRoom = rect.top - (header ? header.getBoundingClientRect().bottom : 0);
    var above = below < need && aboveRoom >= need;
    box.style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px");
    box.style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px");
    box.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    box.style.setProperty("--md-tooltip-y", (above ? -16 - box.offsetHeight : 16 + rect.height) + "px");
    box.classList.toggle("md-tooltip2--top", above);
    box.classList.toggle("md-tooltip2--bottom", !above);
  }

  function show(ref) {
    window.clearTimeout(hiding);
    if (ref === host) return;
    var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!note) return;
    if (!box) build();
    hide();
    host = ref;
    inner.textContent = "";
    Array.prototype.forEach.call(note.children, function (part) { inner.appendChild(part.cloneNode(true)); });
    // A copy: its ids would repeat the note's own.
    inner.querySelectorAll("[id]").forEach(function (part) { part.removeAttribute("id"); });
    box.setAttribute("aria-label", ref.getAttribute("aria-label") || ref.textContent);
    ref.setAttribute("aria-controls", box.id);
    ref.setAttribute("aria-haspopup", "dialog");
    place(ref);
    box.classList.add("md-tooltip2--active");
  }

  function hide() {
    window.clearTimeout(hiding);
    if (!host) return;
    host.removeAttribute("aria-controls");
    host.removeAttribute("aria-haspopup");
    host = null;
    box.classList.remove("md-tooltip2--active");
  }

  function within(node) {
    return !!node && !!node.closest && (node.closest(REF) === host || box.contains(node));
  }

  document.addEventListener("pointerover", function (event) {
    var ref = event.target.closest && event.target.closest(REF);
    if (ref) show(ref);
    else if (host && box.contains(event.target)) window.clearTimeout(hiding);
  }, { passive: true });
  document.addEventListener("pointerout", function (event) {
    if (host && within(event.target) && !within(event.relatedTarget)) {
      window.clearTimeout(hiding);
      hiding = window.setTimeout(hide, 250);
    }
  }, { passive: true });
  document.addEventListener("focusin", function (event) {
    var ref = event.target.closest && event.target.closest(REF);
    if (ref) show(ref);
    else if (host && !box.contains(event.target)) hide();
  });
  // Following the number to the note itself, or Escape, closes the preview.
  document.addEventListener("click", function (event) {
    if (host && event.target.closest && event.target.closest(REF)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !host) return;
    var back = box.contains(document.activeElement) ? host : null;
    hide();
    if (back) back.focus();
  });
  window.addEventListener("resize", hide, { passive: true });
})();

// ==== Search on demand ====
// Material starts its search on every page load: it creates the search worker (12 KB
// compressed) and downloads the index (21 KB), over a third of what a page costs, for
// the few readers who search. Opened from a folder (file:), Material already waits
// until the search opens; this does the same over HTTP without touching Material's
// code: its worker is created on the first message Material sends it, and the index
// request is held until the reader opens the search, points at or focuses it, or
// arrives from a search result whose words are to be highlighted (?h=). From a folder
// only the stand-in's reading of queries and results below applies.
(function () {
  if (!window.Worker || !window.EventTarget) return;
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var wanted = location.protocol === "file:";
  var held = [];

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  // Material asks for the index with XMLHttpRequest; only that request is held.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.editionHold = INDEX.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (wanted || !request.editionHold) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  // A stand-in for the search worker that starts the real one when first used. Material
  // only posts to it and listens for "message"; other workers are left alone.
  //
  // The stand-in also forgives how people write the group's name: the paper writes
  // "Da’esh", records and readers "Daesh", "ISIS", "ISIL" or "Islamic State". A query
  // naming it asks for every form (with the separator in mkdocs.yml, "Da’esh" and
  // "Da'esh" are indexed and typed as "da" + "esh"), and the forms the reader did not
  // type are left out of each result's "Missing" line.
  var NAMES = /\bda\s*['’ʼ]?\s*esh\b|\bisis\b|\bisil\b|\bislamic\s+state\b/gi;
  var FORMS = ["esh", "daesh", "isis", "isil"];
  var QUERY = 2, RESULT = 3; // Material's message types (setup 0, ready 1)
  var expanded = false;

  function forgiving(message) {
    if (!message || message.type !== QUERY || typeof message.data !== "string") return message;
    expanded = NAMES.test(message.data);
    NAMES.lastIndex = 0;
    if (!expanded) return message;
    var rest = message.data.replace(NAMES, " ").trim();
    return { type: QUERY, data: (rest ? rest + " " : "") + FORMS.join(" ") };
  }

  // Each paragraph of the paper is an entry of its own (publish/search_index.py), so a
  // page often heads its results without matching itself; Material then links it with
  // an empty ?h=. It gets the words of its best result, to highlight them too.
  function results(data) {
    if (!data || data.type !== RESULT || !data.data || !data.data.items) return data;
    data.data.items.forEach(function (item) {
      item.forEach(function (doc) {
        if (expanded) FORMS.forEach(function (form) { if (doc.terms) delete doc.terms[form]; });
      });
      var page = item[item.length - 1];
      if (item.length > 1 && page.location.indexOf("#") < 0 && !page.score) page.terms = item[0].terms;
    });
    return data;
  }

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!WORKER.test(new URL(url, location.href).pathname)) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var worker = null;
    standIn.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: results(event.data) }));
        });
      }
      worker.postMessage(forgiving(message));
    };
    standIn.terminate = function () { if (worker) worker.terminate(); };
    return standIn;
  };

  // Opening the search ticks Material's #__search toggle (the label, "/", "s" or "f");
  // pointing at or focusing the search box starts the download a moment earlier.
  var SEARCH = '.md-search, label[for="__search"]';
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  }, true);
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(SEARCH)) want();
    }, { capture: true, passive: true });
  });
  if (new URLSearchParams(location.search).has("h")) want();
})();

// ==== Menus, copying, the cite dialog, the reader switch ====
// Each paragraph and heading of the paper has one control, its number: a link to itself
// (paragraphs.py), which this script makes a disclosure button when first used. Every
// event is delegated from the document and the menu is built on first use, so nothing
// here grows with the number of controls at load. What the menu's items do beyond
// copying a link (the cite dialog, quotes with their citation, the briefing pack) is in
// briefing.js, fetched on first use ("Briefing tools" below). Without JavaScript the
// numbers stay permalinks and noscript.css shows the cite boxes and timeline links.
(function () {
  var CONTROL = "a.edition-control";
  var TOOLS = document.currentScript ? new URL("briefing.js", document.currentScript.src).href : "";
  var PACK = "edition-briefing";

  // One polite live region for the page, made with the first menu: screen readers hear
  // "Link copied" (a region made together with its message is not always announced).
  var live = null;
  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden edition-live";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      home().appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  // The async Clipboard API needs a secure context (https or localhost); an intranet
  // served over plain http gets the older execCommand path instead.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error("copy refused"));
    });
  }

  function copy(text, message) {
    return copyText(text).then(
      function () { announce(message); },
      function () { announce("Copying failed; select the text and copy it"); }
    );
  }

  // The page's permanent address: the canonical link (site_url + page), so a copied
  // link works for anyone, wherever this copy of the page was opened.
  function address(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    return base.split("#")[0] + "#" + id;
  }

  function owned(control) {
    return document.getElementById(control.getAttribute("href").slice(1));
  }

  // "paragraph 2.1.1", "section 2.4" or "this page": what a control stands for.
  function label(control) {
    var number = control.lastChild.nodeType === Node.TEXT_NODE ? control.lastChild.data.trim() : "";
    if (!number) return "this page";
    return (control.matches(".edition-control--paragraph") ? "paragraph " : "section ") + number;
  }

  // The page's cite boxes (paragraphs.py). They are written inside a <noscript>, which
  // a browser running scripts keeps as text, so that they cost nothing at load; they are
  // read from it once, into an inert template, when a menu first needs them.
  var boxes;
  function citeBoxes() {
    if (boxes === undefined) {
      var source = document.querySelector("noscript.cite-boxes-source");
      var template = document.createElement("template");
      template.innerHTML = source ? source.textContent : "";
      boxes = document.importNode(template.content, true).querySelector(".cite-boxes");
    }
    return boxes;
  }

  function citeBox(id) {
    var all = citeBoxes();
    return all && all.querySelector("#" + CSS.escape("cite-" + id));
  }

  // The cite box of a heading, or of the heading a paragraph stands under.
  function citeBoxFor(target) {
    var box = citeBox(target.id);
    if (box) return { box: box, from: target.id };
    var headings = document.querySelectorAll(".md-content h1[id], .md-content h2[id]");
    var found = null;
    headings.forEach(function (heading) {
      var before = heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (before && citeBox(heading.id)) found = heading;
    });
    return found && { box: citeBox(found.id), from: found.id };
  }

  // ---- The menu ----
  var menu = null, list = null, owner = null;

  // Inside the page's main landmark, so assistive technology finds them in the page.
  function home() {
    return document.querySelector("main") || document.body;
  }

  function buildMenu() {
    if (!live) announce("");
    menu = document.createElement("div");
    menu.className = "edition-menu";
    menu.id = "edition-menu";
    menu.hidden = true;
    list = document.createElement("ul");
    menu.appendChild(list);
    home().appendChild(menu);
  }

  function item(text, action) {
    var entry = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.setAttribute("data-action", action);
    entry.appendChild(button);
    list.appendChild(entry);
  }

  function fill(control) {
    var target = owned(control);
    var paragraph = target.tagName === "P";
    list.textContent = "";
    menu.setAttribute("aria-label", "Tools for " + label(control));
    item("Copy link", "link");
    if (paragraph) {
      item(tools && tools.selected(target) ? "Copy quote of the selection" : "Copy quote", "quote");
    }
    if (citeBoxFor(target)) item("Cite", "cite");
    if (paragraph) item(pack().indexOf(target.id) < 0 ? "Add to briefing" : "Remove from briefing", "pack");
    var events = target.querySelectorAll(".timeline-backlink a");
    if (events.length) {
      var entry = document.createElement("li");
      entry.className = "edition-menu-events";
      var title = document.createElement("p");
      title.textContent = "On the timeline";
      title.id = "edition-menu-events";
      var links = document.createElement("ul");
      links.setAttribute("aria-labelledby", "edition-menu-events");
      events.forEach(function (event) {
        var link = document.createElement("a");
        link.href = event.href;
        link.textContent = event.textContent + ": " + event.title;
        var li = document.createElement("li");
        li.appendChild(link);
        links.appendChild(li);
      });
      entry.appendChild(title);
      entry.appendChild(links);
      list.appendChild(entry);
    }
  }

  // Under the control, inside the screen; measured against the menu's positioned
  // ancestor, whatever it is.
  function place(control) {
    var box = control.getBoundingClientRect();
    var parent = menu.offsetParent;
    var origin = parent && parent !== document.body
      ? parent.getBoundingClientRect()
      : { top: -window.scrollY, left: -window.scrollX };
    var width = menu.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    menu.style.top = box.bottom + 4 - origin.top + "px";
    menu.style.left = left - origin.left + "px";
  }

  function upgrade(control) {
    if (control.hasAttribute("aria-expanded")) return;
    control.setAttribute("role", "button");
    control.setAttribute("aria-expanded", "false");
    control.setAttribute("aria-controls", "edition-menu");
  }

  function open(control) {
    if (!menu) buildMenu();
    withTools();
    if (owner) close(false);
    upgrade(control);
    owner = control;
    fill(control);
    menu.hidden = false;
    place(control);
    control.setAttribute("aria-expanded", "true");
    menu.querySelector("button, a").focus();
  }

  function close(refocus) {
    if (!owner) return;
    var was = owner;
    owner = null;
    menu.hidden = true;
    was.setAttribute("aria-expanded", "false");
    if (refocus) was.focus();
  }

  // ---- Briefing tools, on first use ----
  // briefing.js is fetched when a menu opens, when words of a paragraph are selected, on
  // /briefing/, and when the address quotes words (#p1-3:~:text=…) that this browser
  // cannot find itself; it hands back its functions through window.editionTools.
  var tools = null, waiting = null;
  function withTools(then) {
    if (tools) return then && then(tools);
    if (!waiting) {
      waiting = [];
      var script = document.createElement("script");
      script.src = TOOLS;
      document.head.appendChild(script);
    }
    if (then) waiting.push(then);
  }
  window.editionTools = function (make) {
    tools = make({
      announce: announce, copy: copy, address: address, home: home, label: label, owned: owned,
      close: close, citeBoxes: citeBoxes, citeBoxFor: citeBoxFor, PACK: PACK,
    });
    waiting.splice(0).forEach(function (then) { then(tools); });
  };

  // The ids in the reader's briefing pack, in the reader's order.
  function pack() {
    try { return (localStorage.getItem(PACK) || "").split(","); } catch (e) { return []; }
  }

  // ---- The reader switch (overrides/main.html) ----
  function setLayer(on) {
    document.documentElement.classList.toggle("edition-plain", !on);
    try { localStorage.setItem("edition-layer", on ? "on" : "off"); } catch (e) { /* */ }
    var toggle = document.querySelector(".layer-switch");
    if (toggle) toggle.setAttribute("aria-pressed", String(on));
  }

  // ---- One set of listeners for the whole page ----
  function modified(event) {
    return event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var control = target.closest(CONTROL);
    if (control && !modified(event)) {
      event.preventDefault();
      if (owner === control) close(true);
      else open(control);
      return;
    }
    var button = target.closest("button[data-action]");
    if (button && menu && menu.contains(button)) {
      var action = button.getAttribute("data-action");
      var was = owner;
      if (action === "link") copy(address(owned(was).id), "Link copied");
      if (action === "quote") withTools(function (t) { t.quote(owned(was)); });
      if (action === "pack") withTools(function (t) { t.pack(owned(was).id); });
      if (action === "cite") return withTools(function (t) { t.cite(was); });
      close(true);
      return;
    }
    var toggle = target.closest(".layer-switch");
    if (toggle) {
      setLayer(toggle.getAttribute("aria-pressed") !== "true");
      return;
    }
    if (owner && !menu.contains(target)) close(false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) {
      event.preventDefault();
      close(true);
    } else if (event.key === " " && event.target.matches && event.target.matches(CONTROL)) {
      // A disclosure button opens on Space too (a link would scroll the page).
      event.preventDefault();
      event.target.click();
    }
  });

  // Focus leaving the menu closes it (Tab past its last item).
  document.addEventListener("focusin", function (event) {
    var control = event.target.closest && event.target.closest(CONTROL);
    if (control) upgrade(control);
    if (owner && !menu.contains(event.target) && event.target !== owner) close(false);
  });
  document.addEventListener("pointerover", function (event) {
    var control = event.target.closest && event.target.closest(CONTROL);
    if (control) upgrade(control);
  }, { passive: true });
  // Words selected in a paragraph of the paper: briefing.js offers to quote them. A press
  // on a paragraph's number keeps the selection, for the menu's "Copy quote".
  document.addEventListener("selectionchange", function () {
    var node = !waiting && getSelection().toString() && getSelection().anchorNode;
    node = node && (node.nodeType === 1 ? node : node.parentElement);
    if (node && node.closest(".md-content p[id]")) withTools();
  });
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest(CONTROL) && getSelection().toString()) event.preventDefault();
  });

  function init() {
    var entry = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    var quoted = !("fragmentDirective" in document) && /:~:text=/.test(location.hash + (entry ? entry.name : ""));
    if (quoted || document.getElementById("briefing")) withTools();
    var toggle = document.querySelector(".layer-switch");
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(!document.documentElement.classList.contains("edition-plain")));
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// ==== The rest of the page, laid out after the load ====
// For a reader who arrived at the top of /sources/ or /print/, the blocks of the notes and
// sources (on /print/, and the timeline's events) wait off screen (edition.css, "Speed"),
// so neither the first paint nor the load pays for laying out text nobody sees yet. After
// the load this lays them out in the browser's idle moments, a batch of blocks at a time,
// each slice of work well under the 50 ms after which a task holds up a tap, a key or a
// scroll: within a second or so every block from the screen down has its real size, for
// the scroll bar, the contents' jumps and the reader who scrolls on. A batch grows while batches cost under
// half the slice and shrinks when one costs more, so a slow phone takes smaller ones; one
// block at a time would pay the fixed cost of a layout pass a few hundred times over.
(function () {
  var root = document.documentElement;
  if (!root.classList.contains("edition-from-top")) return;
  // The blocks edition.css defers (its "Speed" rule), less those laid out already.
  var WAITING = ".edition-appendix > :not(.edition-laid), .print-contents ~ * .timeline-events > :not(.edition-laid)";
  // A slice's aim: under a frame at 60 Hz, so a scroll meanwhile keeps its frames, and
  // under 50 ms on a phone four times slower than the machine that measured it.
  var SLICE_MS = 12;
  // A layout pass costs the browser a millisecond or two (ten on a slow phone) however
  // little it lays out, so a batch never shrinks below this many elements.
  var MIN_BATCH = 32;
  // An idle moment, or after WAIT_MS without one (a slow phone still busy with the page):
  // then the slice is a task like any other, as short.
  var WAIT_MS = 200;
  function idle(work) {
    if (window.requestIdleCallback) requestIdleCallback(work, { timeout: WAIT_MS });
    else setTimeout(work, 16);
  }

  function layOut() {
    var blocks = document.querySelectorAll(WAITING);
    var at = 0;
    var batch = MIN_BATCH;  // elements per batch; doubled or halved by what each one cost

    function size(block) {
      return block.getElementsByTagName("*").length + 1;
    }

    function slice() {
      var start = performance.now();
      // Blocks wholly above the screen are left to the browser: laid out here, a block at
      // its estimated size would grow or shrink above what the reader reads (after a jump
      // to a heading, say) and move it. Those below move nothing the reader sees, and the
      // blocks stand in the page's order, so those above are the ones before this one.
      while (at < blocks.length && blocks[at].getBoundingClientRect().bottom < 0) at += 1;
      var elements = 0;
      while (at < blocks.length) {  // at least one block, then as many as the batch holds
        var count = size(blocks[at]);
        if (elements && elements + count > batch) break;
        elements += count;
        blocks[at].classList.add("edition-laid");
        at += 1;
      }
      void root.offsetHeight;  // lay the batch out now, inside this slice, not in a frame
      var took = performance.now() - start;
      if (took < SLICE_MS / 2) batch *= 2;
      else if (took > SLICE_MS) batch = Math.max(MIN_BATCH, batch / 2);
      if (at < blocks.length) idle(slice);
    }

    if (blocks.length) idle(slice);
  }

  if (document.readyState === "complete") {
    layOut();
  } else {
    window.addEventListener("load", layOut);
  }
})();
