/* Draws plotly charts from <script type="application/json"> blocks: no inline script, so a strict CSP holds.
   Markup: <div class="kp-plotly" id="chart-x" data-figure-id="figure-x"></div>
           <script type="application/json" id="figure-x">{plotly figure JSON}</script>
   Every chart has a data table next to it; without JavaScript the tables carry the figures. */
(function () {
  "use strict";
  function draw() {
    if (typeof window.Plotly === "undefined") { return; }
    document.querySelectorAll(".kp-plotly[data-figure-id]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-figure-id"));
      if (!source || el.dataset.drawn) { return; }
      var figure = JSON.parse(source.textContent);
      var layout = figure.layout || {};
      layout.autosize = true;
      el.dataset.drawn = "1";
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", (layout.title && layout.title.text ? layout.title.text + ". " : "") +
        (document.documentElement.lang === "en" ? "The table below gives the same figures." : "De tabel hieronder geeft dezelfde cijfers."));
      window.Plotly.newPlot(el, figure.data || [], layout, { displaylogo: false, displayModeBar: false, responsive: true });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
