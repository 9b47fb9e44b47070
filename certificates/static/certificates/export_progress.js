// Polls the export's JSON status so the progress bar moves without reloading the page.
(function () {
  "use strict";
  var box = document.getElementById("export-progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");

  function show(state) {
    document.getElementById("export-bar").value = state.percent;
    document.getElementById("export-bar").textContent = state.percent + " %";
    document.getElementById("export-state").textContent = state.state_label;
    document.getElementById("export-done").textContent = state.done;
    document.getElementById("export-total").textContent = state.total;
    if (state.download_url) {
      document.getElementById("export-download").href = state.download_url;
      document.getElementById("export-ready").hidden = false;
    }
    document.getElementById("export-failed").hidden = state.state !== "failed";
    return state.state === "done" || state.state === "failed";
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) { if (!show(state)) window.setTimeout(poll, 1000); })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 500);
})();
