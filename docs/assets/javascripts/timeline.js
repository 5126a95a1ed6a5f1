// Timeline filter: the paper's events only, or with context. Without JavaScript the
// control stays hidden and every event shows.
(function () {
  function wire(timeline) {
    var form = timeline.querySelector(".timeline-filter");
    if (!form || form.dataset.wired) return;
    form.dataset.wired = "true";
    form.hidden = false;
    form.addEventListener("change", function (event) {
      timeline.classList.toggle("timeline--paper-only", event.target.value === "paper");
    });
  }
  function init() {
    document.querySelectorAll("[data-timeline]").forEach(wire);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
