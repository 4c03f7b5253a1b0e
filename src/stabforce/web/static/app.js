// stabforce pages: the strength chart (Chart.js) and the map (Leaflet). No other scripts.
(function () {
  "use strict";

  function strengthChart() {
    var canvas = document.getElementById("strength-chart");
    var data = document.getElementById("strength-data");
    if (!canvas || !data || !window.Chart) return;
    var s = JSON.parse(data.textContent);
    var line = function (label, values, style) {
      return Object.assign({ label: label, data: values, borderWidth: 2, pointRadius: 2, spanGaps: true }, style);
    };
    new Chart(canvas, {
      type: "line",
      data: {
        labels: s.labels,
        datasets: [
          line("target", s.target, { borderColor: "#222", borderDash: [8, 4], pointStyle: "rectRot" }),
          line("possible (ceilings, considering)", s.high, { borderColor: "#7aa6d8", borderDash: [2, 3], pointStyle: "triangle" }),
          line("likely (committed, conditional)", s.likely, { borderColor: "#1f5fa8", pointStyle: "circle" }),
          line("pledged low", s.low, { borderColor: "#7aa6d8", borderDash: [2, 3], pointStyle: "rect" }),
          line("firm (committed)", s.firm, { borderColor: "#1d6b35", pointStyle: "star" }),
          line("deployed", s.deployed, { borderColor: "#a3300b", pointStyle: "crossRot" })
        ]
      },
      options: { animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
                 plugins: { legend: { labels: { usePointStyle: true } } },
                 scales: { y: { beginAtZero: true, title: { display: true, text: "troops" } } } }
    });
  }

  function fanChart() {
    var canvas = document.getElementById("fan-chart");
    var data = document.getElementById("fan-data");
    if (!canvas || !data || !window.Chart) return;
    var f = JSON.parse(data.textContent);
    var target = f.labels.map(function () { return f.target; });
    new Chart(canvas, {
      type: "line",
      data: {
        labels: f.labels,
        datasets: [
          { label: "P90", data: f.p90, borderColor: "#7aa6d8", backgroundColor: "rgba(122,166,216,0.35)",
            fill: "+2", pointRadius: 0, borderDash: [2, 3] },
          { label: "median (P50)", data: f.p50, borderColor: "#1f5fa8", pointRadius: 0, borderWidth: 2 },
          { label: "P10", data: f.p10, borderColor: "#7aa6d8", pointRadius: 0, borderDash: [2, 3] },
          { label: "target", data: target, borderColor: "#222", borderDash: [8, 4], pointRadius: 0 }
        ]
      },
      options: { animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
                 scales: { y: { beginAtZero: true, title: { display: true, text: "troops on the ground" } } } }
    });
  }

  function zoneStyle(feature) {
    var held = feature.properties.zone === "idf-held";
    return { color: held ? "#7a4a00" : "#1f5fa8", weight: 2, fillOpacity: 0.25, dashArray: held ? "6 4" : null,
             fillColor: held ? "#e0a040" : "#6fa0dc" };
  }

  function zoneText(p) {
    var l = p.ledger;
    var share = l && l.share_of_territory_pct != null ? (l.approx ? "about " : "") + l.share_of_territory_pct + "% (reported)" : "share not reported";
    var src = l ? " — " + (l.title || l.source) + ", " + l.source_date + ", grade " + l.grade : "";
    return p.label + ": " + share + src + ". Shape approximate.";
  }

  // Incidents: radius grows with fatalities; solid outline = exact place, dashed = near (2), dotted = region (3).
  function incidentLayer(fc) {
    return L.geoJSON(fc, {
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        return L.circleMarker(latlng, { radius: 4 + 2 * Math.sqrt(p.fatalities || 0), color: "#7a1200", weight: 2,
          fillColor: p.violation === "serious" ? "#d7301f" : "#fc8d59", fillOpacity: p.precision === 1 ? 0.8 : 0.35,
          dashArray: p.precision === 1 ? null : (p.precision === 2 ? "4 3" : "1 4") });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        var where = { 1: "exact place", 2: "near (within the town)", 3: "region only" }[p.precision] || "";
        layer.bindTooltip(p.date + " · " + p.event_type.replace(/_/g, " ") + (p.violation !== "none" ? " · " + p.violation + " violation" : "") +
                          " · " + (p.fatalities || 0) + " killed · " + (p.place.name || "") + " (precision " + p.precision + ": " + where +
                          ") — " + (p.attribution || p.source) + ", grade " + p.grade, { sticky: true });
        layer.on("add", function () { var e = layer.getElement(); if (e) e.setAttribute("data-incident", p.id); });
      }
    });
  }

  function map() {
    var el = document.getElementById("map");
    if (!el || !window.L) return;
    var m = L.map(el, { zoomSnap: 0.25, attributionControl: true });
    m.attributionControl.addAttribution("Outline: Natural Earth (public domain); zones illustrative");
    fetch(el.dataset.layers, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (d) {
      var outline = L.geoJSON(d.outline, { style: { color: "#333", weight: 2, fill: false } }).addTo(m);
      L.geoJSON(d.zones, {
        style: zoneStyle,
        onEachFeature: function (f, layer) {
          layer.bindTooltip(zoneText(f.properties), { sticky: true, className: "zone-label" });
          layer.getElement && layer.on("add", function () { var e = layer.getElement(); if (e) e.setAttribute("data-zone", f.properties.zone); });
        }
      }).addTo(m);
      L.geoJSON(d.sectors, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 7, color: "#000", fillColor: "#fff", fillOpacity: 1, weight: 2 });
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(f.properties.order + ". " + f.properties.name + " (planned ISF sector, approximate)",
                            { permanent: true, direction: "right" });
        }
      }).addTo(m);
      if (d.incidents) incidentLayer(d.incidents).addTo(m);
      m.fitBounds(outline.getBounds(), { padding: [20, 20] });
      // Sites after the view is set (a ring in metres needs the map's projection).
      if (d.sites && window.stabforceSiteMarker) d.sites.forEach(function (s) { window.stabforceSiteMarker(s).addTo(m); });
      el.setAttribute("data-ready", "1");
    });
  }

  document.addEventListener("DOMContentLoaded", function () { strengthChart(); fanChart(); map(); });
})();
