// Storyline's only script: polls a background job and draws its progress. No inline script:
// the Content-Security-Policy forbids it, and values go into the page as text, never as HTML.
"use strict";
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const id = box.dataset.job;
  const bar = document.getElementById("job-progress");
  const message = document.getElementById("job-message");
  const errors = document.getElementById("job-errors");
  const changes = document.getElementById("job-changes");
  const done = document.getElementById("job-done");

  function fill(list, items, line) {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement("li");
      li.textContent = line(item);
      list.appendChild(li);
    }
  }

  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(id), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (job) {
        bar.value = job.progress;
        message.textContent = job.state + ": " + job.message;
        box.dataset.state = job.state;
        fill(errors, job.errors, function (e) { return e.input + ": " + e.reason; });
        fill(changes, job.changes, function (c) { return c; });
        if (job.state === "done") { done.hidden = false; return; }
        if (job.state !== "failed") setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (box.dataset.state !== "done" && box.dataset.state !== "failed") poll();
})();
