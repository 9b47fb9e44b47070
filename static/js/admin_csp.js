// Runs the initialisers Wagtail's admin would write as inline <script>, which our CSP blocks.
// The server writes each call as data on an inert <script type="application/json" data-csp-init>
// (elearning/csp.py, templates/wagtailadmin/); this file performs it once, when the element
// is parsed or later inserted (inline panel forms, modals), as the inline script would have.
(function () {
  "use strict";
  var SELECTOR = "script[data-csp-init]";

  function json(el, name) {
    return JSON.parse(el.getAttribute(name));
  }

  var INITIALISERS = {
    dateChooser: function (el) {
      window.initDateChooser(el.getAttribute("data-csp-id"), json(el, "data-csp-config"));
    },
    timeChooser: function (el) {
      window.initTimeChooser(el.getAttribute("data-csp-id"), json(el, "data-csp-config"));
    },
    dateTimeChooser: function (el) {
      window.initDateTimeChooser(el.getAttribute("data-csp-id"), json(el, "data-csp-config"));
    },
    inlinePanel: function (el) {
      return new window.InlinePanel(json(el, "data-csp-options"));
    },
    multipleChooserPanel: function (el) {
      return new window.MultipleChooserPanel(json(el, "data-csp-options"));
    },
    chooser: function (el) {
      var Constructor = window[el.getAttribute("data-csp-constructor")];
      return new Constructor(el.getAttribute("data-csp-id"), json(el, "data-csp-options"));
    },
  };

  // Each initialiser's function lives in a file that may load after this one; until it is
  // there the element waits, and is retried when the document has loaded.
  var READY = {
    dateChooser: function () { return typeof window.initDateChooser === "function"; },
    timeChooser: function () { return typeof window.initTimeChooser === "function"; },
    dateTimeChooser: function () { return typeof window.initDateTimeChooser === "function"; },
    inlinePanel: function () { return typeof window.InlinePanel === "function"; },
    multipleChooserPanel: function () { return typeof window.MultipleChooserPanel === "function"; },
    chooser: function (el) {
      return typeof window[el.getAttribute("data-csp-constructor")] === "function";
    },
  };

  function run(el) {
    var kind = el.getAttribute("data-csp-init");
    if (el.hasAttribute("data-csp-done") || !INITIALISERS[kind] || !READY[kind](el)) return;
    el.setAttribute("data-csp-done", "");
    INITIALISERS[kind](el);
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.matches(SELECTOR)) run(root);
    root.querySelectorAll(SELECTOR).forEach(run);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(scan); });
  }).observe(document.documentElement, { childList: true, subtree: true });

  scan(document.documentElement);
  document.addEventListener("DOMContentLoaded", function () { scan(document.documentElement); });
})();
