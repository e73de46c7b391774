// The progress of a CSV import (admin): asks the job's status every two seconds and updates the
// text and the progress bar; reloads the page once the job is finished, to show the result per row.
// Without JavaScript the button "Stand aktualisieren" reloads the page.
(function () {
  "use strict";
  var box = document.querySelector("[data-import-status-url]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-import-status-url");
  var summary = box.querySelector("[data-import-summary]");
  var bar = box.querySelector("progress");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 5000);
          return;
        }
        if (summary.textContent !== state.summary) {
          summary.textContent = state.summary;
        }
        if (bar) {
          bar.value = state.percent;
          bar.textContent = state.percent + " %";
        }
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 2000);
})();
