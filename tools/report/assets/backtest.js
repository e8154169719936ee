// @ts-check
// The report's backtest section (Voorspelling tegen de werkelijkheid): from backtest.json
// (docs/backtest.md), each observed series as a fan chart of the forecast, started in the past,
// with what really happened drawn on it, the values the scenario was calibrated on apart from
// those it is tested on; and how often what happened fell inside the 50% and 90% bands.
// Plain ES2017; in the browser it defines window.zorgsimBacktest, under Node it is a CommonJS
// module (report.js calls it from buildCharts).
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.zorgsimBacktest = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const isNumber = (x) => typeof x === 'number' && isFinite(x);
  const CALIBRATION = '#5b6573';
  const TEST = '#b42318';
  const FAN = '#1f5fa8';
  const DAY = 24 * 3600 * 1000;

  /** The middle of the days FIRST .. LAST (ISO dates, both included), as an ISO date-time. */
  function middle(first, last) {
    const a = Date.parse(first + 'T00:00:00Z');
    const b = Date.parse(last + 'T00:00:00Z') + DAY;
    return new Date((a + b) / 2).toISOString();
  }

  function coverage(json) {
    const c = json && typeof json === 'object' ? json : {};
    return {
      values: isNumber(c.values) ? c.values : 0,
      inside50: isNumber(c.inside_50) ? c.inside_50 : 0,
      inside90: isNumber(c.inside_90) ? c.inside_90 : 0,
      mape: isNumber(c.mape) ? c.mape : null
    };
  }

  /** backtest.json read leniently: its series with fan and observed values, and coverage. */
  function readBacktest(ctx) {
    const json = ctx.data.backtest;
    if (!json || typeof json !== 'object' || !Array.isArray(json.series)) {
      return null;
    }
    const series = json.series.filter((s) => s && typeof s.id === 'string').map((s) => ({
      id: s.id,
      label: String((ctx.lang === 'en' ? s.label_en : s.label_nl) || s.id),
      unit: typeof s.unit === 'string' ? s.unit : '',
      model: typeof s.model === 'string' ? s.model : '',
      fan: (Array.isArray(s.fan) ? s.fan : []).filter((p) => p &&
        typeof p.period_start === 'string' && typeof p.period_end === 'string'),
      observed: (Array.isArray(s.observed) ? s.observed : []).filter((v) => v &&
        typeof v.date === 'string' && isNumber(v.observed)),
      calibration: coverage(s.calibration),
      test: coverage(s.test)
    }));
    // The first day of the test: where the chart draws the line between known and new.
    let testFrom = null;
    for (const s of series) {
      for (const v of s.observed) {
        const first = v.use === 'test' ? (v.period_start || v.date) : null;
        if (first && (testFrom === null || first < testFrom)) {
          testFrom = first;
        }
      }
    }
    return {
      series,
      calibration: coverage(json.calibration),
      test: coverage(json.test),
      notCompared: Array.isArray(json.not_compared) ? json.not_compared.length : 0,
      observedFile: typeof json.observed_file === 'string' ? json.observed_file : '',
      testFrom
    };
  }

  /** The axis title of a series' unit: the words table's, or the unit as the series file says. */
  function unitTitle(ctx, unit) {
    const key = 'report_unit_axis_' + unit;
    return ctx.data.words && typeof ctx.data.words[key] === 'string' ? ctx.t(key) : unit;
  }

  /**
   * One fan chart per series: the forecast's 90% and 50% bands and median over the horizon
   * (a stock per period, a flow per window of its observed periods), what happened as points,
   * grey where the scenario was calibrated on it and red where it is tested on it.
   * KIT: report.js's baseSpec, yIn, fixed, slug and chart size.
   */
  function backtestCharts(ctx, kit) {
    const backtest = readBacktest(ctx);
    if (!backtest) {
      return [];
    }
    const out = [];
    for (const s of backtest.series) {
      const unit = s.unit === 'euros' ? 'euros' : 'count';
      const fan = s.fan.filter((p) => isNumber(p.p50)).map((p) => ({
        date: middle(p.period_start, p.period_end),
        period: p.period_start + ' – ' + p.period_end,
        p05: p.p05, p25: p.p25, p50: p.p50, p75: p.p75, p95: p.p95,
        t_median: ctx.exact(p.p50, unit),
        t_band90: isNumber(p.p05) ? ctx.t('report_interval', { lo: ctx.exact(p.p05, unit),
          hi: ctx.exact(p.p95, unit) }) : '–'
      }));
      if (!fan.length) {
        continue;
      }
      const points = s.observed.map((v) => ({
        date: v.period_start ? middle(v.period_start, v.date) : v.date + 'T00:00:00Z',
        period: v.period_start ? v.period_start + ' – ' + v.date : v.date,
        observed: v.observed,
        use: ctx.t(v.use === 'test' ? 'report_backtest_test' : 'report_backtest_calibration'),
        t_observed: ctx.exact(v.observed, unit),
        t_forecast: v.forecast && isNumber(v.forecast.p50) ? ctx.exact(v.forecast.p50, unit)
          : '–',
        t_error: isNumber(v.error_pct) ? (v.error_pct > 0 ? '+' : '') + kit.fixed(v.error_pct, 1, ctx.lang) + '%' : '–'
      }));
      // The whole horizon, so that a yearly flow's points sit in their years.
      const domain = [s.fan[0].period_start + 'T00:00:00Z',
        new Date(Date.parse(s.fan[s.fan.length - 1].period_end + 'T00:00:00Z') + DAY)
          .toISOString()];
      const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain },
        title: ctx.t('report_axis_year'), axis: { format: '%Y', labelAngle: 0,
          labelOverlap: true, tickCount: { interval: 'year', step: 1 } } };
      const y = (field) => kit.yIn(ctx, field, unit, unitTitle(ctx, s.unit));
      const title = ctx.t('report_chart_backtest', { name: s.label });
      const spec = kit.baseSpec(ctx, title, ctx.t('report_backtest_key'), kit.width, kit.height);
      const useLabels = [ctx.t('report_backtest_calibration'), ctx.t('report_backtest_test')];
      spec.layer = [
        { data: { values: fan }, mark: { type: 'area', color: FAN, opacity: 0.15 },
          encoding: { x, y: y('p05'), y2: { field: 'p95' } } },
        { data: { values: fan }, mark: { type: 'area', color: FAN, opacity: 0.3 },
          encoding: { x, y: y('p25'), y2: { field: 'p75' } } },
        { data: { values: fan }, mark: { type: 'line', color: FAN, strokeWidth: 2,
          point: { filled: true, size: 20 } },
        encoding: { x, y: y('p50'), tooltip: [
          { field: 'period', title: ctx.t('report_period') },
          { field: 't_median', title: ctx.t('report_tip_median') },
          { field: 't_band90', title: ctx.t('report_tip_band90') }] } },
        { data: { values: points }, mark: { type: 'point', filled: true, size: 70,
          shape: 'diamond', opacity: 1 },
        encoding: { x, y: y('observed'),
          color: { field: 'use', type: 'nominal', scale: { domain: useLabels,
            range: [CALIBRATION, TEST] }, legend: { title: null } },
          tooltip: [{ field: 'period', title: ctx.t('report_period') },
            { field: 'use', title: ctx.t('report_backtest_use') },
            { field: 't_observed', title: ctx.t('report_backtest_observed') },
            { field: 't_forecast', title: ctx.t('report_tip_median') },
            { field: 't_error', title: ctx.t('report_backtest_error') }] } }
      ];
      if (backtest.testFrom) {
        spec.layer.push({ data: { values: [{ date: backtest.testFrom + 'T00:00:00Z' }] },
          mark: { type: 'rule', color: TEST, strokeDash: [4, 3] }, encoding: { x } });
      }
      out.push({ id: 'backtest-' + kit.slug(s.id), title, spec, section: 'backtest' });
    }
    return out;
  }

  return { readBacktest, backtestCharts };
});
