// Gives every rich-text editor of the Wagtail admin the accessible name of its field's label.
// Draftail's editable area (role=textbox) carries only a placeholder description, so screen
// readers announce a nameless text box (axe: aria-input-field-name). Editors appear late and
// inline panels add more, hence the observer.
(function () {
  "use strict";
  function label(editor) {
    if (editor.hasAttribute("aria-labelledby") || editor.hasAttribute("aria-label")) return;
    var field = editor.closest("[data-field], .w-field");
    var input = field && field.querySelector("[data-draftail-input], input[type=hidden]");
    var text = (input && input.id && document.querySelector('label[for="' + input.id + '"]')) ||
      (field && field.querySelector("label"));
    if (!text) {
      var panel = editor.closest("section[aria-labelledby]");
      text = panel && document.getElementById(panel.getAttribute("aria-labelledby"));
    }
    if (!text) return;
    if (!text.id) text.id = "label-" + Math.random().toString(36).slice(2);
    editor.setAttribute("aria-labelledby", text.id);
  }
  function scan(root) {
    root.querySelectorAll('[contenteditable="true"][role="textbox"]').forEach(label);
  }
  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    new MutationObserver(function () { scan(document); }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  });
})();
