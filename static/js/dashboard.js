// The dashboard's charts (ECharts, vendored). SVG with a viewBox, so on paper they scale to
// the page's width (A4 landscape, static/css/dashboard.css) and stay sharp, with no redraw the
// browser might not wait for; a font list with the usual Chinese fonts of Windows, macOS and
// Linux, so Chinese shows on screen and in print. A click on a union's tile opens its
// scorecard.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", ' +
    '"Source Han Sans SC", "Hiragino Sans GB", system-ui, sans-serif';
  var base = { textStyle: { fontFamily: FONT, fontSize: 12, color: "#334155" }, animation: false };
  var RED = "#c0262d", SLATE = "#475569";
  var charts = [];
  var escape = echarts.format.encodeHTML;

  function draw(id, option, onClick) {
    var element = document.getElementById(id);
    if (!element) return null;
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(Object.assign({}, base, option));
    if (onClick) chart.on("click", onClick);
    charts.push(chart);
    scalable(chart);
    return chart;
  }

  function scalable(chart) {
    var svg = chart.getDom().querySelector("svg");
    if (svg) svg.setAttribute("viewBox", "0 0 " + chart.getWidth() + " " + chart.getHeight());
  }

  if (data.recruits.length) {
    var hasPace = data.recruits.some(function (r) { return r.pace !== null; });
    var series = [
      { name: data.labels.recruits, type: "bar", barMaxWidth: 28, itemStyle: { color: RED, borderRadius: [3, 3, 0, 0] },
        data: data.recruits.map(function (r) { return r.recruits; }) },
      { name: data.labels.cumulative, type: "line", yAxisIndex: 1, symbol: "circle", symbolSize: 5,
        lineStyle: { color: SLATE, width: 2 }, itemStyle: { color: SLATE },
        data: data.recruits.map(function (r) { return r.cumulative; }) }
    ];
    if (hasPace) {
      series.push({ name: data.labels.pace, type: "line", yAxisIndex: 1, symbol: "none",
        lineStyle: { color: "#94a3b8", type: "dashed", width: 1.5 },
        data: data.recruits.map(function (r) { return r.pace; }) });
    }
    draw("chart-recruits", {
      grid: { left: 44, right: 48, top: 36, bottom: 28 },
      legend: { top: 0, left: "center", itemWidth: 14, itemHeight: 8, textStyle: { fontFamily: FONT } },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.recruits.map(function (r) { return r.label; }),
        axisLabel: { fontFamily: FONT }, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef0f3" } }, axisLabel: { fontFamily: FONT } },
        { type: "value", minInterval: 1, splitLine: { show: false }, axisLabel: { fontFamily: FONT } }
      ],
      series: series
    });
  }

  if (data.grades.length) {
    var grade = function (key, name, color) {
      return { name: name, type: "bar", stack: "grades", barMaxWidth: 36, itemStyle: { color: color },
        data: data.grades.map(function (g) { return g[key]; }) };
    };
    draw("chart-grades", {
      grid: { left: 44, right: 12, top: 36, bottom: 28 },
      legend: { top: 0, left: "center", itemWidth: 14, itemHeight: 8, textStyle: { fontFamily: FONT } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: data.grades.map(function (g) { return g.period; }), axisLabel: { fontFamily: FONT } },
      yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef0f3" } } },
      series: [
        grade("aaa", "AAA", "#15803d"), grade("aa", "AA", "#4ade80"),
        grade("a", "A", "#fde68a"), grade("none", data.labels.no_grade, "#e2e8f0")
      ]
    });
  }

  if (data.treemap.length) {
    draw("chart-treemap", {
      // ECharts puts a formatter's answer into the page as HTML: every value is escaped.
      tooltip: { formatter: function (p) {
        if (!p.data || p.data.score === undefined) return "";  // (the gap between tiles)
        return escape(p.data.name) + "<br>" + escape(data.labels.score + " " + p.data.score +
          (p.data.grade ? " · " + p.data.grade : ""));
      } },
      visualMap: { show: false, min: 40, max: 100, dimension: 1, inRange: { color: ["#fca5a5", "#fde68a", "#86efac", "#15803d"] } },
      series: [{
        type: "treemap", roam: false, nodeClick: false, breadcrumb: { show: false },
        top: 0, left: 0, right: 0, bottom: 0,
        itemStyle: { borderColor: "#fff", borderWidth: 1, gapWidth: 1 },
        label: { show: true, formatter: "{b}", fontSize: 11, fontFamily: FONT, color: "#1e293b", overflow: "truncate" },
        data: data.treemap.map(function (u) { return { name: u.name, value: [u.value, u.score], score: u.score, grade: u.grade, url: u.url }; })
      }]
    }, function (p) { if (p.data && p.data.url) window.location = p.data.url; });
  }

  var printing = window.matchMedia ? window.matchMedia("print") : { matches: false };
  window.addEventListener("resize", function () {
    if (printing.matches) return;  // (on paper the viewBox scales them)
    charts.forEach(function (chart) { chart.resize(); scalable(chart); });
  });
})();
