// Enhancements only: the quiz works without this file. It counts the time down, saves the
// page's answers in the background as the learner changes them, and stops double submits.
(function () {
  "use strict";
  var timer = document.querySelector(".quiz-timer");
  if (timer) {
    var left = parseInt(timer.getAttribute("data-seconds-left"), 10);
    var value = timer.querySelector(".quiz-timer__value");
    var ends = Date.now() + left * 1000;
    var tick = function () {
      var seconds = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      value.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (seconds < 60) { timer.classList.add("quiz-timer--low"); }
      if (seconds === 0) {
        var form = document.querySelector("form[data-autosave]") ||
          document.querySelector("form[data-submit-once]");
        if (form && !form.dataset.sent) { form.dataset.sent = "1"; form.submit(); }
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
  var form = document.querySelector("form[data-autosave]");
  if (form && window.fetch && window.FormData) {
    var status = form.querySelector("[data-status]");
    var pending = null;
    var save = function () {
      pending = null;
      fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                          headers: {"X-Autosave": "1"}})
        .then(function (response) {
          return response.json().then(function (data) { return {ok: response.ok, data: data}; });
        })
        .then(function (result) {
          var versions = (result.ok && result.data.versions) || {};
          Object.keys(versions).forEach(function (position) {
            var seen = form.querySelector("input[name='q" + position + "-seen']");
            if (seen) { seen.value = versions[position]; }
          });
          if (status) {
            status.textContent = result.ok ? form.getAttribute("data-saved-text") || "✓"
              : result.data.message;
          }
          // Closed, or changed in another window: the page shows what is saved now (the
          // other answers of this page were saved).
          if (!result.ok && (result.data.code === "time_up" || result.data.code === "stale_answer" ||
                             result.data.code === "attempt_closed")) { window.location.reload(); }
        })
        .catch(function () { /* offline: the next page change saves again */ });
    };
    form.addEventListener("change", function () {
      if (pending) { window.clearTimeout(pending); }
      pending = window.setTimeout(save, 400);
    });
    form.addEventListener("input", function () {
      if (pending) { window.clearTimeout(pending); }
      pending = window.setTimeout(save, 1500);
    });
  }
  var once = document.querySelectorAll("form[data-submit-once]");
  Array.prototype.forEach.call(once, function (f) {
    f.addEventListener("submit", function (event) {
      if (f.dataset.sent) { event.preventDefault(); return; }
      f.dataset.sent = "1";
    });
  });
})();
