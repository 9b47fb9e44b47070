// Polls a background job's JSON status (exports, ZIPs, evidence packs) so its progress bar moves.
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");

  function show(state) {
    var bar = document.getElementById("job-bar");
    bar.value = state.percent;
    bar.textContent = state.percent + " %";
    document.getElementById("job-state").textContent = state.state_label;
    document.getElementById("job-done").textContent = state.done;
    document.getElementById("job-total").textContent = state.total;
    if (state.download_url) {
      document.getElementById("job-download").href = state.download_url;
      document.getElementById("job-ready").hidden = false;
    }
    document.getElementById("job-failed").hidden = state.state !== "failed";
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
