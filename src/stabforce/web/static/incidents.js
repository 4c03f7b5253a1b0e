// The incidents page: incidents per week, stacked by ACLED event type (Chart.js).
(function () {
  "use strict";

  var COLOURS = {
    battles: "#a3300b", explosions_remote_violence: "#e07b24", violence_against_civilians: "#6b1d5e",
    protests: "#1f5fa8", riots: "#7aa6d8", strategic_developments: "#6b7280"
  };

  function incidentsChart() {
    var canvas = document.getElementById("incidents-chart");
    var data = document.getElementById("incidents-data");
    if (!canvas || !data || !window.Chart) return;
    var c = JSON.parse(data.textContent);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: c.labels,
        datasets: c.types.map(function (t) {
          return { label: t.label, data: t.counts, backgroundColor: COLOURS[t.type] || "#999", stack: "incidents" };
        })
      },
      options: { animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
                 scales: { x: { stacked: true, title: { display: true, text: "week starting" } },
                           y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
                                title: { display: true, text: "incidents" } } } }
    });
    canvas.setAttribute("data-ready", "1");
  }

  document.addEventListener("DOMContentLoaded", incidentsChart);
})();
