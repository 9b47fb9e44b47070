// Polls a running employee import so its bar moves; once it has finished, the page reloads
// to show the per-line report the server renders.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box || box.getAttribute("data-finished") === "1") return;
  var url = box.getAttribute("data-status-url");

  function show(state) {
    var bar = document.getElementById("import-bar");
    if (bar) {
      bar.value = state.percent;
      bar.textContent = state.percent + " %";
    }
    var done = document.getElementById("import-done");
    if (done) done.textContent = state.done;
    var total = document.getElementById("import-total");
    if (total) total.textContent = state.total;
    return state.state === "done" || state.state === "failed";
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (show(state)) window.location.reload();
        else window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 500);
})();
