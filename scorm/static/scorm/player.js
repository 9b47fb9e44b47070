/*
 * The SCORM player: puts scorm-again's run-time API on this window (window.API for SCORM 1.2,
 * window.API_1484_11 for SCORM 2004), loads the learner's saved CMI data into it, then starts
 * the SCO in the sandboxed frame. Commits go to the server's CSRF-protected commit URL.
 *
 * The commit transport is our own (httpService): ordinary commits are synchronous XHRs, as
 * SCORM expects; the commit at Terminate, which often happens while the page unloads, uses
 * fetch with keepalive, because scorm-again's default there (sendBeacon) cannot send the
 * CSRF header.
 */
(function () {
  "use strict";

  var root = document.getElementById("scorm-player");
  var frame = document.getElementById("scorm-frame");
  if (!root || !frame || !window.Scorm2004API || !window.Scorm12API) {
    return;
  }
  var initialElement = document.getElementById("scorm-initial");
  var initial = initialElement ? JSON.parse(initialElement.textContent) : {};

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function failure() {
    return { result: "false", errorCode: 391 };
  }

  function answer(status, text) {
    if (status < 200 || status > 299) {
      return failure();
    }
    try {
      var data = JSON.parse(text);
      return { result: data.result ? "true" : "false", errorCode: data.errorCode || 0 };
    } catch (e) {
      return failure();
    }
  }

  var httpService = {
    processHttpRequest: function (url, params, immediate) {
      var body = JSON.stringify(params);
      var headers = { "Content-Type": "application/json", "X-CSRFToken": csrfToken() };
      if (immediate) {
        fetch(url, {
          method: "POST",
          body: body,
          headers: headers,
          credentials: "same-origin",
          keepalive: true,
        });
        return { result: "true", errorCode: 0 };
      }
      var xhr = new XMLHttpRequest();
      try {
        xhr.open("POST", url, false);
        Object.keys(headers).forEach(function (name) {
          xhr.setRequestHeader(name, headers[name]);
        });
        xhr.send(body);
        return answer(xhr.status, xhr.responseText);
      } catch (e) {
        return failure();
      }
    },
    updateSettings: function () {},
  };

  var settings = {
    lmsCommitUrl: root.dataset.commitUrl,
    dataCommitFormat: "flattened",
    // Progress is saved every few seconds, not only when the SCO remembers to commit.
    autocommit: true,
    autocommitSeconds: 5,
    // Lets the server tell the final commit (Terminate/LMSFinish) from the others.
    terminateCommitParam: "terminate",
    httpService: httpService,
    logLevel: 4,
  };

  var api;
  if (root.dataset.version === "1.2") {
    api = new window.Scorm12API(settings);
    window.API = api;
  } else {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
  }
  api.loadFromFlattenedJSON(initial, "");

  // The SCO starts only now, so it finds the API already holding the saved data.
  frame.src = root.dataset.contentUrl;
})();
