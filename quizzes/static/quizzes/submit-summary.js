// Before a quiz is submitted: lists the questions left unanswered and asks for confirmation in
// a dialog, because submitted answers cannot be changed. Without JavaScript the form submits
// as before; the countdown's automatic submission at zero skips the dialog.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  var dialog = document.getElementById("quiz-submit-dialog");
  if (!form || !dialog || typeof dialog.showModal !== "function") return;
  var list = dialog.querySelector("[data-unanswered-list]");
  var allAnswered = dialog.querySelector("[data-all-answered]");
  var someUnanswered = dialog.querySelector("[data-some-unanswered]");
  var count = dialog.querySelector("[data-unanswered-count]");
  var confirmed = false;

  function unanswered() {
    var result = [];
    form.querySelectorAll("fieldset.quiz-question").forEach(function (fieldset) {
      // Choices are checked; typed, matched and ordered answers have a value in [data-answer].
      var typed = Array.prototype.some.call(
        fieldset.querySelectorAll("[data-answer]"),
        function (field) { return field.value.trim() !== ""; }
      );
      if (!typed && !fieldset.querySelector("input:checked")) result.push(fieldset);
    });
    return result;
  }

  form.addEventListener("submit", function (event) {
    if (confirmed || form.dataset.autoSubmit === "1") return;
    event.preventDefault();
    var missing = unanswered();
    list.textContent = "";
    missing.forEach(function (fieldset) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + fieldset.id;
      link.textContent = fieldset.querySelector("legend").firstChild.textContent.trim();
      link.addEventListener("click", function (e) {
        e.preventDefault();
        dialog.close();
        fieldset.scrollIntoView();
        var first = fieldset.querySelector("input, select, textarea");
        if (first) first.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    // The sentences come translated with the right plural from the server (data-messages).
    count.textContent = JSON.parse(count.dataset.messages)[String(missing.length)] || "";
    allAnswered.hidden = missing.length > 0;
    someUnanswered.hidden = missing.length === 0;
    dialog.showModal();
  });

  dialog.querySelector("[data-confirm]").addEventListener("click", function () {
    confirmed = true;
    dialog.close();
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });
  dialog.querySelector("[data-cancel]").addEventListener("click", function () {
    dialog.close();
  });
})();
