// The dashboard's charts (ECharts, vendored). They draw with the page's font, so Chinese shows
// on screen and in print; a click on a union's tile opens its scorecard.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var font = getComputedStyle(document.body).fontFamily;
  var base = { textStyle: { fontFamily: font }, animation: false };

  var recruits = document.getElementById("chart-recruits");
  if (recruits) {
    var chart = echarts.init(recruits, null, { renderer: "svg" });
    chart.setOption(Object.assign({}, base, {
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.recruits.map(function (r) { return r[0]; }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ name: data.labels.recruits, type: "bar", data: data.recruits.map(function (r) { return r[1]; }), itemStyle: { color: "#b91c1c" } }]
    }));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  var treemap = document.getElementById("chart-treemap");
  if (treemap && data.treemap.length) {
    var map = echarts.init(treemap, null, { renderer: "svg" });
    map.setOption(Object.assign({}, base, {
      tooltip: { formatter: function (p) { return p.data.name + "<br>" + data.labels.score + " " + p.data.score + (p.data.grade ? " · " + p.data.grade : ""); } },
      visualMap: { show: false, min: 40, max: 100, dimension: 1, inRange: { color: ["#fca5a5", "#fde68a", "#86efac", "#15803d"] } },
      series: [{
        type: "treemap", roam: false, nodeClick: false, breadcrumb: { show: false },
        top: 0, left: 0, right: 0, bottom: 0,
        label: { show: true, formatter: "{b}", fontSize: 11, overflow: "truncate" },
        data: data.treemap.map(function (u) { return { name: u.name, value: [u.value, u.score], score: u.score, grade: u.grade, url: u.url }; })
      }]
    }));
    map.on("click", function (p) { if (p.data && p.data.url) window.location = p.data.url; });
    window.addEventListener("resize", function () { map.resize(); });
  }
})();
