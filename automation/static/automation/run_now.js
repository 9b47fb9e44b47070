// Follows a PDCA job started from the admin: polls its JSON status, then shows the counts.
(function () {
  "use strict";
  var box = document.getElementById("run-now-progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");

  function show(state) {
    document.getElementById("run-now-state").textContent = state.state_label;
    if (!state.finished) return false;
    var bar = document.getElementById("run-now-bar");
    bar.max = 1;
    bar.value = 1;
    var list = document.getElementById("run-now-counts");
    list.replaceChildren();
    state.counts.forEach(function (item) {
      var term = document.createElement("dt");
      term.textContent = item.label;
      var value = document.createElement("dd");
      value.textContent = item.value;
      value.setAttribute("data-key", item.key);
      list.append(term, value);
    });
    document.getElementById("run-now-nothing").hidden = state.counts.length > 0;
    document.getElementById("run-now-result").hidden = state.failed;
    document.getElementById("run-now-failed").hidden = !state.failed;
    return true;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) { if (!show(state)) window.setTimeout(poll, 1000); })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 500);
})();
