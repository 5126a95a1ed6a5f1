// The edition's scripts at load, one file and no dependency: the paragraph menus and the
// reader switch. Each paragraph and heading of the paper has one control, its number: a
// link to itself (paragraphs.py), made a disclosure button when first used. Every event
// is delegated from the document and the menu is built on first use, so nothing here
// grows with the page. What the menu does beyond copying a link (cite, quotes, the
// briefing pack) is in briefing.js, fetched on first use. The note previews are
// Material's (content.footnote.tooltips). Without JavaScript the numbers stay permalinks
// and noscript.css shows the cite boxes and timeline links.
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

  // Copies ``plain``, and ``html`` too when given (Word, Outlook and Teams paste the HTML,
  // a plain editor the text), then says so. The async Clipboard API needs a secure
  // context; over plain http (an intranet) the older copy command is used, whose copy
  // event carries both kinds as well.
  function copy(plain, message, html) {
    function older() {
      return new Promise(function (resolve, reject) {
        function fill(event) {
          if (html) event.clipboardData.setData("text/html", html);
          event.clipboardData.setData("text/plain", plain);
          event.preventDefault();
        }
        document.addEventListener("copy", fill, true);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { /* refused */ }
        document.removeEventListener("copy", fill, true);
        if (ok) resolve();
        else reject(new Error("copy refused"));
      });
    }
    var clipboard = window.isSecureContext && navigator.clipboard;
    var done = !clipboard || (html && !window.ClipboardItem) ? older()
      : !html ? clipboard.writeText(plain)
      : clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([plain], { type: "text/plain" }),
      })]);
    return done.catch(older).then(
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
  // briefing.js is fetched when a menu opens, when words of a paragraph are selected and
  // on /briefing/; it hands back its functions through window.editionTools.
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
    if (document.getElementById("briefing")) withTools();
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

// Material's search and its note tooltips are dialogs without a name (axe-core's
// aria-dialog-name): a screen reader announces "Search", or the note's number ("Note 7").
// A tooltip is added to the body when its note number is first pointed at.
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search");
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (!node.matches || !node.matches(".md-tooltip2[role=dialog]")) return;
        var lead = node.querySelector(".note-lead strong");
        node.setAttribute("aria-label", lead ? lead.textContent.replace(/\.\s*$/, "") : "Note");
      });
    });
  }).observe(document.body, { childList: true });
})();
