/* Draws plotly charts from <script type="application/json"> blocks: no inline script, so a strict CSP holds.
   Markup: <div class="kp-plotly" id="chart-x" data-figure-id="figure-x"></div>
           <script type="application/json" id="figure-x">{plotly figure JSON}</script>
   Load this file as <script src=".../charts.js" data-plotly="URL of plotly.min.js" defer>. plotly.js (3 MB)
   is fetched only after the page has loaded, so the page is usable at once; every chart has a data
   table next to it, which carries the figures without JavaScript too. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = script && script.getAttribute("data-plotly");

  function draw() {
    document.querySelectorAll(".kp-plotly[data-figure-id]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-figure-id"));
      if (!source || el.dataset.drawn) { return; }
      var figure = JSON.parse(source.textContent);
      var layout = figure.layout || {};
      layout.autosize = true;
      el.dataset.drawn = "1";
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", (document.documentElement.lang.indexOf("en") === 0 ?
        "Chart; the table below gives the same figures." : "Grafiek; de tabel hieronder geeft dezelfde cijfers."));
      window.Plotly.newPlot(el, figure.data || [], layout, { displaylogo: false, displayModeBar: false, responsive: true });
    });
  }

  function start() {
    if (!document.querySelector(".kp-plotly[data-figure-id]")) { return; }
    if (window.Plotly) { draw(); return; }
    if (!plotlyUrl) { return; }
    var loader = document.createElement("script");
    loader.src = plotlyUrl;
    loader.async = true;
    loader.addEventListener("load", draw);
    document.head.appendChild(loader);
  }

  if (document.readyState === "complete") { start(); } else { window.addEventListener("load", start); }
})();
