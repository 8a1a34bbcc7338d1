// Kopā lessons: instant feedback for self-check questions, and marking a lesson done
// without a page reload (also when the learner reaches its end). Without JavaScript the
// forms and <details> elements do the same work.
(function () {
  "use strict";

  document.querySelectorAll("[data-self-check]").forEach(function (box) {
    var feedback = box.querySelector(".self-check__feedback");
    box.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type !== "radio") return;
      var right = input.dataset.correct === "1";
      var text = input.dataset.feedback || (right ? feedback.dataset.right : feedback.dataset.wrong);
      feedback.textContent = (right ? "✓ " : "✗ ") + text;
      feedback.className = "self-check__feedback " + (right ? "is-right" : "is-wrong");
      feedback.hidden = false;
    });
  });

  // A self-check is answered on the page: its form is never sent.
  document.querySelectorAll("[data-self-check-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });

  // A video from YouTube or Vimeo is loaded only when the learner asks for it.
  document.querySelectorAll("[data-video-player]").forEach(function (box) {
    box.querySelector("[data-video-play]").addEventListener("click", function () {
      box.replaceChildren(box.querySelector("template").content.cloneNode(true));
      var frame = box.querySelector("iframe");
      if (frame) frame.focus();
    });
  });

  var section = document.querySelector("[data-lesson-progress]");
  var form = section && section.querySelector("[data-complete-form]");
  if (!form) return;
  var sending = false;

  function markDone() {
    if (sending || section.dataset.done === "1") return;
    sending = true;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(section.dataset.api, {
      method: "POST", credentials: "same-origin",
      headers: {"X-CSRFToken": token, "Accept": "application/json"}
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) {
      section.dataset.done = "1";
      form.hidden = true;
      section.querySelector("[data-done-message]").hidden = false;
      var bar = section.querySelector("[data-course-progress]");
      if (bar && data.course_progress) {
        bar.max = data.course_progress.total;
        bar.value = data.course_progress.done;
        bar.textContent = data.course_progress.percent + "%";
        var label = section.querySelector("[data-progress-label]");
        if (label) {
          label.textContent = label.dataset.template
            .replace("__DONE__", data.course_progress.done)
            .replace("__TOTAL__", data.course_progress.total);
        }
      }
    }).catch(function () {
      sending = false; // the button still works as a normal form
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    markDone();
  });

  var end = document.querySelector("[data-lesson-end]");
  if (end && "IntersectionObserver" in window) {
    // Reaching the end counts only after the learner has scrolled, not on a short page load.
    var scrolled = false;
    window.addEventListener("scroll", function () { scrolled = true; }, {once: true, passive: true});
    new IntersectionObserver(function (entries, observer) {
      if (scrolled && entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        markDone();
      }
    }).observe(end);
  }
})();
