// The oversight dashboards (issue 12): the indicators' chart (ECharts, from the WebJar) and sortable tables.
(function () {
  'use strict';
  var COLORS = { GREEN: '#198754', AMBER: '#ffc107', RED: '#dc3545' };

  function chart(el) {
    if (typeof echarts === 'undefined') { return; }
    var data = JSON.parse(el.getAttribute('data-mg-chart') || '[]');
    if (!data.length) { el.classList.add('d-none'); return; }
    var names = data.map(function (d) { return d.name; }).reverse();
    var values = data.map(function (d) {
      return { value: Number(d.value), itemStyle: { color: COLORS[d.status] || '#6c757d' } };
    }).reverse();
    var targets = data.map(function (d) { return Number(d.target); }).reverse();
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { type: 'bar', data: values, barMaxWidth: 14 },
        { type: 'scatter', name: el.getAttribute('data-target-label'), data: targets, symbol: 'diamond',
          symbolSize: 9, itemStyle: { color: '#212529' } }
      ]
    });
    window.addEventListener('resize', function () { c.resize(); });
  }

  // A trend: lines over periods (percent), or stacked areas of counts; the first five lines shown, the rest in the legend.
  function lines(el) {
    if (typeof echarts === 'undefined') { return; }
    var data = JSON.parse(el.getAttribute('data-mg-lines') || '{}');
    if (!data.series || !data.series.length) { el.classList.add('d-none'); return; }
    var percent = el.getAttribute('data-unit') === '%';
    var selected = {};
    data.series.forEach(function (s, i) { selected[s.name] = data.stack || i < 5; });
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0, selected: selected },
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.periods, boundaryGap: false },
      yAxis: percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
        : { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 6,
          stack: data.stack ? 'all' : undefined, areaStyle: data.stack ? {} : undefined };
      })
    });
    window.addEventListener('resize', function () { c.resize(); });
  }

  function sortable(table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      th.style.cursor = 'pointer';
      th.addEventListener('click', function () {
        var numeric = th.getAttribute('data-sort-kind') === 'number';
        var desc = th.getAttribute('aria-sort') !== 'descending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort') || a.cells[col].textContent;
          var y = b.cells[col].getAttribute('data-sort') || b.cells[col].textContent;
          var r = numeric ? Number(x) - Number(y) : String(x).localeCompare(String(y), 'zh');
          return desc ? -r : r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-mg-chart]').forEach(chart);
    document.querySelectorAll('[data-mg-lines]').forEach(lines);
    document.querySelectorAll('table.mg-sortable').forEach(sortable);
  });
})();
