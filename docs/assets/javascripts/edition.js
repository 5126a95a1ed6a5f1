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

// ==== Search on demand ====
// Material starts its search on every page load: it creates the search worker (12 KB
// compressed) and downloads the index (21 KB), over a third of what a page costs, for
// the few readers who search. Opened from a folder (file:), Material already waits
// until the search opens; this does the same over HTTP without touching Material's
// code: its worker is created on the first message Material sends it, and the index
// request is held until the reader opens the search, points at or focuses it, or
// arrives from a search result whose words are to be highlighted (?h=).
(function () {
  if (location.protocol === "file:" || !window.Worker || !window.EventTarget) return;
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var wanted = false;
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

  function unmissing(data) {
    if (!expanded || !data || data.type !== RESULT || !data.data || !data.data.items) return data;
    data.data.items.forEach(function (item) {
      item.forEach(function (doc) {
        FORMS.forEach(function (form) { if (doc.terms) delete doc.terms[form]; });
      });
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
          standIn.dispatchEvent(new MessageEvent("message", { data: unmissing(event.data) }));
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
// event is delegated from the document and the menu and cite dialog are built on first
// use, so nothing here grows with the number of controls at load. Without JavaScript the
// numbers stay permalinks and noscript.css shows the cite boxes and timeline links.
(function () {
  var CONTROL = "a.edition-control";
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

  // One polite live region for the page, made with the first menu: screen readers hear
  // "Link copied" (a region made together with its message is not always announced).
  var live = null;
  function announce(message) {
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

  // The author's words of a paragraph: no number, no note marks, no editorial parts.
  function authorsWords(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".editorial, sup").forEach(function (part) { part.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function quote(control) {
    var target = owned(control);
    var boxes = document.querySelector(".cite-boxes");
    var short = boxes ? boxes.getAttribute("data-short-cite") : document.title;
    var number = label(control).replace(/^paragraph /, "¶ ");
    return "“" + authorsWords(target) + "” (" + short + ", " + number + ") " + address(target.id);
  }

  // The cite box of a heading, or of the heading a paragraph stands under.
  function citeBoxFor(target) {
    var box = document.getElementById("cite-" + target.id);
    if (box) return { box: box, from: target.id };
    var headings = document.querySelectorAll(".md-content h1[id], .md-content h2[id]");
    var found = null;
    headings.forEach(function (heading) {
      var before = heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (before && document.getElementById("cite-" + heading.id)) found = heading;
    });
    return found && { box: document.getElementById("cite-" + found.id), from: found.id };
  }

  // ---- The menu ----
  var menu = null, list = null, owner = null;

  // Inside the page's main landmark, so assistive technology finds them in the page.
  function home() {
    return document.querySelector("main") || document.body;
  }

  function buildMenu() {
    live = document.createElement("div");
    live.className = "visually-hidden edition-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    home().appendChild(live);
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
    if (paragraph) item("Copy quote", "quote");
    if (citeBoxFor(target)) item("Cite", "cite");
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

  // ---- The cite dialog: one style at a time, picked from a list ----
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
    var plain = text.textContent.split(address(source.from)).join(address(source.target));
    return { node: text, plain: plain };
  }

  function show() {
    var key = dialog.querySelector("select").value;
    var style = source.box.querySelector('[data-cite-style="' + key + '"]');
    var ref = reference(style);
    var from = address(source.from), to = address(source.target);
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
    var target = owned(control);
    var found = citeBoxFor(target);
    // The control holds the focus when the dialog opens: closing the dialog gives it back.
    close(true);
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
    dialog.querySelector("h2").textContent = "Cite " + label(control);
    show();
    dialog.showModal();
    select.focus();
  }

  function download() {
    var style = source.style;
    var blob = new Blob([source.plain], { type: style.getAttribute("data-type") + ";charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = style.getAttribute("data-download");
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
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
      if (action === "quote") copy(quote(was), "Quote copied");
      if (action === "cite") return openCite(was);
      close(true);
      return;
    }
    if (button && dialog && dialog.contains(button)) {
      var what = button.getAttribute("data-action");
      if (what === "cite-copy") {
        copy(source.plain, dialog.querySelector("select option:checked").textContent + " reference copied");
      }
      if (what === "cite-download") download();
      if (what === "cite-close") dialog.close();
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

  function init() {
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
