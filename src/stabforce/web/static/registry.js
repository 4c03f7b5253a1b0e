// The registry page's chart: weapons held in each state, stacked, per category (Chart.js).
(function () {
  "use strict";
  var COLOURS = { declared: "#c9c9c9", collected: "#e0a040", stored: "#7aa6d8", decommissioned: "#1f5fa8",
                  destroyed: "#1d6b35" };

  function registryChart() {
    var canvas = document.getElementById("registry-chart");
    var data = document.getElementById("registry-data");
    if (!canvas || !data || !window.Chart) return;
    var d = JSON.parse(data.textContent);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: d.labels,
        datasets: d.states.map(function (state) {
          return { label: state, data: d.held[state], backgroundColor: COLOURS[state] || "#888" };
        })
      },
      options: { animation: false, maintainAspectRatio: false, indexAxis: "y",
                 scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: "weapons held" } },
                           y: { stacked: true } } }
    });
    canvas.setAttribute("data-ready", "1");
  }

  document.addEventListener("DOMContentLoaded", registryChart);
})();
