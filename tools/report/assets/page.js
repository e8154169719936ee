// Draws every chart of the report with vega-embed, then writes the status line: how many charts
// were expected, how many were drawn, and any error or warning met on the way.
(function () {
  'use strict';
  var status = document.getElementById('zorgsim-status');
  // A folded scenario description is part of the record: print it unfolded.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.description').forEach(function (details) {
      details.open = true;
    });
  });
  var errors = window.zorgsimErrors || [];
  var warnings = window.zorgsimWarnings || [];
  var charts = [];
  try {
    charts = JSON.parse(document.getElementById('zorgsim-charts').textContent);
  } catch (e) {
    errors.push('chart data unreadable: ' + e.message);
  }
  var options = {
    renderer: 'svg', // crisp on screen and in print
    mode: 'vega-lite',
    // Saving a chart as SVG or PNG works offline; the editor and source links would not.
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { SVG_ACTION: 'Save as SVG', PNG_ACTION: 'Save as PNG' },
    scaleFactor: 2
  };
  var jobs = charts.map(function (chart) {
    var place = document.getElementById('chart-' + chart.id);
    if (!place) {
      return Promise.reject(new Error('no place on the page'));
    }
    if (typeof window.vegaEmbed !== 'function') {
      return Promise.reject(new Error('the chart library did not load'));
    }
    var own = Object.assign({}, options, { downloadFileName: chart.id });
    return window.vegaEmbed(place, chart.spec, own).then(function (result) {
      if (!place.querySelector('svg')) {
        throw new Error('nothing was drawn');
      }
      return result;
    });
  });
  Promise.allSettled(jobs).then(function (outcomes) {
    var drawn = 0;
    outcomes.forEach(function (outcome, i) {
      if (outcome.status === 'fulfilled') {
        drawn += 1;
        return;
      }
      var reason = outcome.reason && outcome.reason.message ? outcome.reason.message : outcome.reason;
      errors.push('chart ' + charts[i].id + ': ' + reason);
      var place = document.getElementById('chart-' + charts[i].id);
      if (place) {
        place.classList.add('failed');
        place.textContent = 'This chart could not be drawn: ' + reason;
      }
    });
    status.dataset.expected = String(charts.length);
    status.dataset.rendered = String(drawn);
    status.dataset.errors = String(errors.length);
    status.dataset.warnings = String(warnings.length);
    status.dataset.state = 'done';
    if (errors.length === 0 && drawn === charts.length) {
      status.textContent = 'All ' + drawn + ' charts drawn.';
    } else {
      status.classList.add('failed');
      status.textContent = drawn + ' of ' + charts.length + ' charts drawn. Problems:';
    }
    var problems = errors.concat(warnings.map(function (w) { return 'warning: ' + w; }));
    if (problems.length > 0) {
      var list = document.createElement('ul');
      problems.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem;
        list.appendChild(item);
      });
      status.appendChild(list);
    }
  });
})();
