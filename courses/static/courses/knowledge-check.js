// Knowledge checks in a lesson: posts the answer without leaving the page and shows the
// server's feedback in place. Without JavaScript the form posts normally and the lesson
// shows the same feedback after the redirect.
(function () {
  "use strict";
  document.querySelectorAll("form[data-knowledge-check]").forEach(function (form) {
    var region = form.querySelector("[data-feedback]");
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !region) return;
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.text().then(function (text) {
            return { ok: response.ok, text: text };
          });
        })
        .then(function (result) {
          if (result.ok) {
            // The fragment is the server's own template, escaped there.
            region.innerHTML = result.text;
          } else {
            region.textContent = result.text;
          }
        })
        .catch(function () {
          form.submit();
        });
    });
  });
})();
