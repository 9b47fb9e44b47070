// The people lists' "select all on this page" box and the count of ticked rows (no inline JS: CSP).
(function () {
  "use strict";
  var form = document.querySelector("[data-bulk-form]");
  if (!form) return;
  var all = form.querySelector("[data-select-all]");
  var count = form.querySelector("[data-selected-count]");
  var picks = Array.prototype.slice.call(form.querySelectorAll("[data-pick]"));
  var template = form.getAttribute("data-count-template") || "";

  function update() {
    var ticked = picks.filter(function (box) { return box.checked; }).length;
    all.checked = ticked > 0 && ticked === picks.length;
    all.indeterminate = ticked > 0 && ticked < picks.length;
    count.textContent = ticked ? template.replace("{count}", ticked) : "";
  }

  all.addEventListener("change", function () {
    picks.forEach(function (box) { box.checked = all.checked; });
    update();
  });
  picks.forEach(function (box) { box.addEventListener("change", update); });
  form.querySelector("[data-select-all-box]").hidden = false;
  update();
})();
