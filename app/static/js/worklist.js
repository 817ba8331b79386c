/*
 * The daily work screens; every page works without this file.
 * - Standard answers: choosing one fills the answer (and its outcome) at once, no reload.
 * - Similar signals while typing: the intake form asks /signalen/vergelijkbaar after a pause
 *   and lists what it finds in the live region (the "Controleer" button does it without JS).
 * No inline scripts or handlers: the CSP allows scripts from this site only.
 */
(function () {
  "use strict";

  document.querySelectorAll("select[data-fills]").forEach(function (select) {
    var form = select.form;
    var button = form ? form.querySelector("button[type=submit]") : null;
    if (button) {
      button.hidden = true; // choosing is enough
    }
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var target = document.getElementById(select.getAttribute("data-fills"));
      if (!option || !option.value || !target) {
        return;
      }
      target.value = option.getAttribute("data-text") || "";
      var used = document.getElementById(select.getAttribute("data-used"));
      if (used) {
        used.value = option.value; // the ministry keeps track of which standard answer it started from
      }
      var outcome = document.getElementById(select.getAttribute("data-outcome"));
      if (outcome && option.getAttribute("data-outcome")) {
        outcome.value = option.getAttribute("data-outcome");
      }
      target.focus();
    });
  });

  var live = document.getElementById("similar-live");
  if (!live) {
    return;
  }
  var form = live.closest("form");
  var title = document.getElementById("title");
  var description = document.getElementById("description");
  var token = form.querySelector("input[name=csrf_token]");
  var url = live.getAttribute("data-url");
  var timer = null;
  var lastQuery = "";

  function render(items) {
    live.textContent = "";
    if (!items.length) {
      return;
    }
    var heading = document.createElement("p");
    heading.className = "utrecht-paragraph";
    var strong = document.createElement("strong");
    strong.textContent = live.getAttribute("data-heading");
    heading.appendChild(strong);
    live.appendChild(heading);
    var list = document.createElement("ul");
    list.className = "utrecht-unordered-list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "utrecht-unordered-list__item";
      var link = document.createElement("a");
      link.className = "utrecht-link";
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = item.reference + " – " + item.title;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" (" + item.status + "; " + item.match + ")"));
      list.appendChild(li);
    });
    live.appendChild(list);
  }

  function check() {
    var text = (title.value + " " + description.value).trim();
    if (text.length < 25 || text === lastQuery) {
      return;
    }
    lastQuery = text;
    var body = new FormData();
    body.append("title", title.value);
    body.append("description", description.value);
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "", Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { similar: [] };
      })
      .then(function (data) {
        render(data.similar || []);
      })
      .catch(function () {
        /* the button still works */
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 700);
  }

  if (title && description) {
    title.addEventListener("input", schedule);
    description.addEventListener("input", schedule);
  }
})();
