/*
 * Inline privacy preview on the intake form: while the user types, ask the server
 * how the texts will be stored (masked) and show that next to the form. Once the
 * preview is up to date, the form is stored in one step (preview_seen=1); without
 * this script the server shows the same preview as a second step.
 */
(function () {
  "use strict";

  var region = document.getElementById("privacy-preview");
  var seen = document.getElementById("preview-seen");
  if (!region || !seen || !window.fetch || !window.FormData) {
    return;
  }
  var form = region.closest("form");
  var names = ["title", "description", "impact", "proposed_solution"];
  var timer = null;
  var counter = 0;
  var inFlight = null;

  function render(data) {
    region.textContent = "";
    var heading = document.createElement("h2");
    heading.className = "utrecht-heading-2";
    heading.textContent = region.getAttribute("data-heading");
    region.appendChild(heading);
    var notice = document.createElement("p");
    notice.className = "utrecht-paragraph";
    notice.textContent = data.notice;
    region.appendChild(notice);
    var list = document.createElement("dl");
    names.forEach(function (name) {
      var text = data.fields[name];
      var field = form.elements[name];
      if (!text || !field) {
        return;
      }
      var label = form.querySelector("label[for='" + field.id + "']");
      var dt = document.createElement("dt");
      dt.textContent = label ? label.textContent.trim() : name;
      var dd = document.createElement("dd");
      dd.className = "kp-preview__text";
      dd.textContent = text;
      list.appendChild(dt);
      list.appendChild(dd);
    });
    region.appendChild(list);
    region.hidden = false;
  }

  function refresh() {
    var mine = ++counter;
    var body = new FormData();
    body.append("csrf_token", form.elements.csrf_token ? form.elements.csrf_token.value : "");
    names.forEach(function (name) {
      if (form.elements[name]) {
        body.append(name, form.elements[name].value);
      }
    });
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = window.AbortController ? new window.AbortController() : null;
    fetch(region.getAttribute("data-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      signal: inFlight ? inFlight.signal : undefined
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && mine === counter) {
          render(data);
          seen.value = "1";
        }
      })
      .catch(function () {
        seen.value = "0";
      });
  }

  form.addEventListener("input", function (event) {
    if (names.indexOf(event.target.name) === -1) {
      return;
    }
    seen.value = "0";
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
  // Submitting right after typing: the preview may be stale, so let the server show it.
  // A preview still under way is cancelled, so its answer cannot arrive after the post's.
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    if (inFlight) {
      inFlight.abort();
    }
  });
})();
