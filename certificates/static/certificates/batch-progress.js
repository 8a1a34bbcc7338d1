// Follows a bulk certificate action: asks for its progress every two seconds and reloads
// the page when it has finished. Without JavaScript the "Refresh" link does the same.
(function () {
  const box = document.querySelector("[data-certificate-batch]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const text = box.querySelector("#progress-text");
  async function poll() {
    try {
      const response = await fetch(box.dataset.certificateBatch, { credentials: "same-origin" });
      if (!response.ok) return;
      const status = await response.json();
      bar.value = status.percent;
      bar.textContent = status.percent + " %";
      if (status.finished) { window.location.reload(); return; }
      text.firstChild.textContent = status.done + " / " + status.total + " ";
    } catch (error) { /* offline for a moment: try again */ }
    window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 2000);
})();
