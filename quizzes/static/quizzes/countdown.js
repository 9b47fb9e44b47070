// Counts down the time left of a quiz attempt and submits the answers when it runs out, so an
// employee who forgets the clock still gets graded (the server allows a short grace period).
(function () {
  "use strict";
  var script = document.currentScript;
  var clock = document.getElementById("quiz-time-left");
  var form = document.getElementById("quiz-form");
  var announcement = document.getElementById("quiz-time-announcement");
  if (!clock || !form) return;
  // Relative seconds, not the deadline, so a wrong clock on the computer does not matter.
  var end = Date.now() + parseInt(clock.dataset.secondsLeft, 10) * 1000;
  var announced = false;
  var submitted = false;
  form.addEventListener("submit", function () { submitted = true; });

  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left <= 60 && !announced && announcement) {
      announcement.textContent = script.dataset.oneMinute;
      announced = true;
    }
    if (left === 0) {
      if (!submitted) {
        submitted = true;
        if (announcement) announcement.textContent = script.dataset.timeUp;
        form.dataset.autoSubmit = "1";  // no confirmation dialog: time is up
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
