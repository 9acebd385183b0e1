// Draws the page's charts with the vendored Chart.js from the JSON the server put in the page.
(function () {
  "use strict";
  var data = document.getElementById("grafik-data");
  if (!data || typeof Chart === "undefined") { return; }
  var rupiah = new Intl.NumberFormat("id-ID");
  var palette = ["#0b5c8c", "#c77c2e", "#7a2e12", "#3c8d5a", "#8c6bb1"];
  JSON.parse(data.textContent).forEach(function (chart) {
    var canvas = document.getElementById("grafik-" + chart.id);
    if (!canvas) { return; }
    var datasets = chart.series.map(function (series, i) {
      var colour = chart.kind === "doughnut" ? palette : palette[i % palette.length];
      return { label: series.label, data: series.data, borderColor: colour, backgroundColor: colour,
               borderWidth: chart.kind === "line" ? 2 : 1, pointRadius: 0, spanGaps: false };
    });
    new Chart(canvas, {
      type: chart.kind,
      data: { labels: chart.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, locale: "id-ID",
        indexAxis: chart.kind === "bar" ? "y" : "x",
        plugins: { legend: { display: chart.kind !== "bar" },
                   tooltip: { callbacks: { label: function (ctx) {
                     var v = ctx.raw; return ctx.dataset.label + ": " + (typeof v === "number" ? rupiah.format(v) : v);
                   } } } },
        scales: chart.kind === "doughnut" ? {}
          : chart.kind === "bar" ? { x: { beginAtZero: true, max: 100 } }  // percent of ASN
          : { y: { beginAtZero: true } }
      }
    });
  });
})();
