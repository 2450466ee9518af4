// The observation chart: one small chart per parameter, shaded with the score bands the server sends (taken from the
// scoring module's own tables), and the score row. The time axis' ticks and labels come from the server too, worked
// out in the service's time zone, so every row and every width reads the same times.
(function () {
  'use strict';

  // NEWS2 Chart 1 and the PEWS charts: white 0, yellow 1, orange 2, red 3 (NEWS2) or pink 4 (PEWS)
  var SHADE = {0: 'rgba(255,255,255,0)', 1: 'rgba(255,235,59,0.35)', 2: 'rgba(237,139,0,0.35)',
    3: 'rgba(213,40,27,0.30)', 4: 'rgba(232,92,160,0.35)'};
  var POINT = {0: '#005eb8', 1: '#8a6d00', 2: '#b35900', 3: '#d5281b', 4: '#a0195a'};
  // the score row, by risk band: none, low, medium, high or emergency
  var RISK = {0: '#007f3b', 1: '#8a6d00', 2: '#b35900', 3: '#d5281b'};

  function drawRow(canvas, row, axis) {
    var labels = {};
    axis.ticks.forEach(function (t) { labels[t.value] = t.label; });
    var shading = {
      id: 'bands',
      beforeDatasetsDraw: function (chart) {
        var area = chart.chartArea;
        var y = chart.scales.y;
        row.shades.forEach(function (s) {
          var top = y.getPixelForValue(s.to);
          var bottom = y.getPixelForValue(s.from);
          chart.ctx.fillStyle = SHADE[s.score];
          chart.ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
        });
      }
    };
    var colours = row.points.map(function (p) { return (row.score ? RISK : POINT)[p.score] || '#005eb8'; });
    var y = {min: row.min, max: row.max, ticks: {maxTicksLimit: 4}};
    if (row.categories.length) {
      // coded rows: one labelled tick per choice, at its index (the axis runs half a step beyond each end)
      y.afterBuildTicks = function (scale) {
        scale.ticks = row.categories.map(function (c, i) { return {value: i}; });
      };
      y.ticks = {autoSkip: false, callback: function (v) { return row.categories[v] === undefined ? '' : row.categories[v]; }};
    }
    return new Chart(canvas, {
      type: 'line',
      data: {datasets: [{data: row.points.map(function (p) { return {x: p.x, y: p.y}; }), borderColor: '#425563',
        borderWidth: 1, pointBackgroundColor: colours, pointBorderColor: colours, pointRadius: 4}]},
      options: {
        maintainAspectRatio: false, animation: false,
        scales: {
          x: {type: 'linear', min: axis.min, max: axis.max,
            afterBuildTicks: function (scale) { scale.ticks = axis.ticks.map(function (t) { return {value: t.value}; }); },
            ticks: {autoSkip: false, maxRotation: 0, callback: function (v) { return labels[v] || ''; }}},
          y: y
        },
        plugins: {legend: {display: false},
          tooltip: {callbacks: {title: function () { return row.label; },
            label: function (item) { return row.points[item.dataIndex].text; }}}}
      },
      plugins: [shading]
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.querySelector('[data-chart]');
    if (!holder || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.getAttribute('data-chart'));
    window.observationCharts = {};
    data.rows.forEach(function (row) {
      var canvas = document.getElementById('chart-' + row.id);
      if (canvas) {
        window.observationCharts[row.id] = drawRow(canvas, row, data.axis);
      }
    });
    window.scoreChart = window.observationCharts.score;
  });
})();
