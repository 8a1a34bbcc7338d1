/* Kopā check-in code: asks for the current code every few seconds and shows it, so the
   teacher's screen follows the rotation without reloading the page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-code-display]");
  if (!box || !window.fetch) { return; }
  var codeEl = box.querySelector("[data-code]");
  var qrEl = box.querySelector("[data-qr]");
  var secondsEl = box.querySelector("[data-seconds]");
  var left = secondsEl ? parseInt(secondsEl.textContent, 10) : 0;

  function refresh() {
    fetch(box.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !codeEl) { return; }
        if (codeEl.textContent !== data.code) {
          codeEl.textContent = data.code;
          qrEl.innerHTML = data.svg;
        }
        left = data.seconds_left;
      })
      .catch(function () { /* keep showing the last code; the next tick tries again */ });
  }

  setInterval(function () {
    left -= 1;
    if (secondsEl) { secondsEl.textContent = String(Math.max(left, 0)); }
    if (left <= 0) { refresh(); }
  }, 1000);
}());
