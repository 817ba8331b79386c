/*
 * Small form helpers; the pages work without them.
 * - Move focus to the error summary (#error-summary) when a form comes back with errors,
 *   so screen reader and keyboard users land on the list of problems.
 * - A link in the summary focuses its field and scrolls its label (or legend) into view,
 *   instead of hiding the label above the top of the screen.
 */
(function () {
  "use strict";

  // A form without an action posts to the page's URL, fragment included: after the skip
  // link ("#main") the answer would jump focus to <main> instead of the error summary.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method.toLowerCase() === "post" && !form.getAttribute("action") && location.hash) {
      form.setAttribute("action", location.pathname + location.search);
    }
  });

  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  summary.focus();

  summary.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) {
      return;
    }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    var fieldset = input.closest("fieldset");
    var legend = fieldset ? fieldset.querySelector("legend") : null;
    var label = legend || document.querySelector("label[for='" + input.id + "']");
    event.preventDefault();
    (label || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
