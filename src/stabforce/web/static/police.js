// stabforce police and sites pages: the pipeline and throughput charts (Chart.js), the sites map (Leaflet).
(function () {
  "use strict";

  function json(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function pipelineChart() {
    var canvas = document.getElementById("police-chart");
    var d = json("police-data");
    if (!canvas || !d || !window.Chart) return;
    // A stage no cohort reported is unknown: no bar (null), and the tooltip says so.
    var totals = d.totals.map(function (t, i) { return d.unknown[i] === d.cohorts && d.cohorts > 0 ? null : t; });
    var datasets = [{ type: "bar", label: "reported (cumulative)", data: totals, backgroundColor: "#1f5fa8" }];
    if (d.target != null) {
      datasets.push({ type: "line", label: "target", data: d.labels.map(function () { return d.target; }),
                      borderColor: "#222", borderDash: [8, 4], pointRadius: 0, borderWidth: 2 });
    }
    new Chart(canvas, {
      data: { labels: d.labels, datasets: datasets },
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { afterLabel: function (ctx) {
          var n = d.unknown[ctx.dataIndex];
          if (ctx.dataset.type !== "bar" || !n) return "";
          return ctx.raw == null ? "unknown: no cohort reported it" : "plus unknown in " + n + " cohort(s)";
        } } } },
        scales: { y: { beginAtZero: true, title: { display: true, text: "police" } } }
      }
    });
    canvas.setAttribute("data-ready", "1");
  }

  function throughputChart() {
    var canvas = document.getElementById("police-throughput-chart");
    var d = json("police-data");
    if (!canvas || !d || !window.Chart) return;
    var colours = { recruited: "#7aa6d8", vetted: "#e0a040", trained: "#1f5fa8", deployed: "#1d6b35" };
    var datasets = d.gained.map(function (g) {
      return { label: g.stage, data: g.data, backgroundColor: colours[g.stage] || "#888" };
    });
    new Chart(canvas, {
      type: "bar",
      data: { labels: d.months, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
                 scales: { y: { title: { display: true, text: "gained in the month" } } } }
    });
  }

  function sitesMap() {
    var el = document.getElementById("sites-map");
    var sites = json("sites-data");
    if (!el || !sites || !window.L) return;
    var m = L.map(el, { zoomSnap: 0.25 });
    m.attributionControl.addAttribution("Outline: Natural Earth (public domain); site positions as reported");
    fetch("/static/geo/gaza-outline.geojson", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (outline) {
      var shape = L.geoJSON(outline, { style: { color: "#333", weight: 2, fill: false } }).addTo(m);
      m.fitBounds(shape.getBounds(), { padding: [20, 20] });
      sites.forEach(function (s) { siteMarker(s).addTo(m); });  // after the view: a ring in metres needs it
      el.setAttribute("data-ready", "1");
    });
  }

  function siteText(s) {
    var cap = s.capacity == null ? "capacity not reported" :
      (s.approx ? "about " : "") + s.capacity.toLocaleString("en") + (s.capacity_high ? "–" + s.capacity_high.toLocaleString("en") : "") + " people";
    var where = s.precision > 1 ? " (position approximate: " + (s.name_place || "region") + ")" : "";
    return s.name + " — " + s.status + ", " + cap + where;
  }

  function siteMarker(s) {
    // Precision 3 (region) and 2 (town) get a ring, not a pin, so the map does not claim an exact spot.
    var layer = s.precision > 1
      ? L.circle([s.lat, s.lon], { radius: s.precision === 3 ? 2500 : 800, color: "#a3300b", weight: 2, dashArray: "4 3", fillOpacity: 0.15 })
      : L.circleMarker([s.lat, s.lon], { radius: 7, color: "#a3300b", fillColor: "#fff", fillOpacity: 1, weight: 3 });
    layer.bindTooltip(siteText(s), { sticky: true });
    layer.on("add", function () { var e = layer.getElement && layer.getElement(); if (e) e.setAttribute("data-site", s.site); });
    return layer;
  }

  window.stabforceSiteMarker = siteMarker;
  document.addEventListener("DOMContentLoaded", function () { pipelineChart(); throughputChart(); sitesMap(); });
})();
