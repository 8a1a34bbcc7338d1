/* Kopā roster: each participant's row posts its own small form and gets its row's HTML
   back (sent with HX-Request), so a tap saves without reloading the page and a dropped
   connection loses only that tap. Without this script the same forms post normally. */
(function () {
  "use strict";
  var roster = document.querySelector("[data-roster]");
  if (!roster || !window.fetch || !window.FormData) { return; }

  function message(target, text, failed) {
    var box = target.querySelector(".row-message");
    if (!box) {
      box = document.createElement("p");
      box.className = "row-message";
      box.setAttribute("role", "status");
      target.appendChild(box);
    }
    box.textContent = text;
    target.classList.toggle("roster-row--error", !!failed);
  }

  function swap(target, html, focusValue) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    if (!fresh) { return; }
    target.replaceWith(fresh);
    if (focusValue) {
      var button = fresh.querySelector("button[name=status][value=\"" + focusValue + "\"]");
      if (button) { button.focus(); }
    }
  }

  roster.addEventListener("submit", function (event) {
    var form = event.target;
    var wholeList = form.hasAttribute("data-all-present");
    if (!wholeList && !form.hasAttribute("data-mark-form")) { return; }
    event.preventDefault();
    var submitter = event.submitter;
    var data = new FormData(form);
    if (submitter && submitter.name) { data.set(submitter.name, submitter.value); }
    var target = wholeList ? roster.querySelector("[data-rows]") : form.closest("[data-row]");
    if (!wholeList && submitter && submitter.name === "status") {
      form.querySelectorAll("button[name=status]").forEach(function (button) {
        if (button.classList.contains("status")) {
          button.setAttribute("aria-pressed", String(button === submitter));
        }
      });
    }
    target.setAttribute("aria-busy", "true");
    if (!wholeList) { message(target, roster.dataset.msgSaving); }
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: {"HX-Request": "true"}
    }).then(function (response) {
      return response.text().then(function (html) {
        target.removeAttribute("aria-busy");
        if (response.ok || (response.status === 400 && !wholeList)) {
          swap(target, html, submitter && submitter.value);
        } else {
          message(wholeList ? roster : target, roster.dataset.msgFailed, true);
        }
      });
    }).catch(function () {
      target.removeAttribute("aria-busy");
      message(wholeList ? roster : target, roster.dataset.msgOffline, true);
    });
  });
}());
