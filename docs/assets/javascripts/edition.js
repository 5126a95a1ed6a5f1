// The edition's scripts, one file so a page makes one request for them. The page loads
// it just before Material's bundle (overrides/main.html), because the first section must
// be in place before the bundle starts; the others wait for the document.

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
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!WORKER.test(new URL(url, location.href).pathname)) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var worker = null;
    standIn.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      worker.postMessage(message);
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

// ==== Copy-link, cite box copy and downloads, access dates ====
// Citeable paragraphs: copy-link buttons, the cite box's copy and download buttons, and
// the reader's access date in every reference. The references and addresses themselves
// are written into the page at build time (scripts/edition/paragraphs.py, citation.py);
// this script only adds what needs a browser: the clipboard, today's date, file downloads.
// Without it the buttons stay hidden and the references say "[date of access]".
(function () {
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

  // One polite live region for the whole page: screen readers hear "Link copied". It is
  // made at start-up, not on the first copy: a region that appears together with its
  // message is not announced by every screen reader.
  var live;
  function makeLiveRegion() {
    live = document.createElement("div");
    live.className = "visually-hidden edition-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }
  function announce(message) {
    // Cleared first, so the same message twice in a row is announced twice.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = message;
    }, 50);
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

  function flash(button, message) {
    button.classList.add("is-copied");
    button.setAttribute("data-feedback", message);
    window.setTimeout(function () {
      button.classList.remove("is-copied");
    }, 1500);
  }

  function copy(button, text, message) {
    copyText(text).then(
      function () {
        flash(button, message);
        announce(message);
      },
      function () {
        announce("Copying failed; select the text and copy it");
      }
    );
  }

  function download(button) {
    var style = button.closest(".cite-style");
    var text = style.querySelector(".cite-text").textContent;
    var blob = new Blob([text], { type: button.getAttribute("data-type") + ";charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = button.getAttribute("data-download");
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  function init() {
    makeLiveRegion();
    var today = new Date();
    document.querySelectorAll("[data-access-date]").forEach(function (span) {
      span.textContent = formatDate(today, span.getAttribute("data-access-date"));
    });
    document.querySelectorAll("button.copy-link, button.cite-button").forEach(function (button) {
      button.hidden = false;
    });
    // One listener for all buttons: /print/ has a few hundred of them.
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button");
      if (!button) return;
      if (button.matches(".copy-link")) {
        copy(button, button.getAttribute("data-copy-url"), "Link copied");
      } else if (button.matches("[data-copy-cite]")) {
        var style = button.closest(".cite-style");
        var label = style.querySelector(".cite-label").textContent;
        copy(button, style.querySelector(".cite-text").textContent, label + " reference copied");
      } else if (button.matches("[data-download]")) {
        download(button);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
