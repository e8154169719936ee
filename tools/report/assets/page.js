// @ts-check
// The report's page: builds every section from the data document (the <script
// type="application/json" id="zorgsim-data"> that zorgsim writes) with the model of report.js,
// draws every chart with vega-embed, then writes the status line: how many charts were expected,
// how many were drawn, and any error or warning met on the way.
(function () {
  'use strict';
  /** @type {any} */
  const w = window;
  const model = w.zorgsimReport;
  const errors = w.zorgsimErrors || [];
  const warnings = w.zorgsimWarnings || [];
  const status = document.getElementById('zorgsim-status');
  const root = document.getElementById('zorgsim-page');

  /**
   * An element with attributes and children (strings become text nodes: never HTML).
   * @param {string} tag @param {Record<string, any>} [attributes] @param {...any} children
   */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'style') {
        element.setAttribute('style', value);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      element.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** Text that comes from the scenario or results files as written: kept as it is. */
  const given = (text, tag) => h(tag || 'span', { 'data-from': 'results', translate: 'no' }, text);

  let data;
  try {
    data = JSON.parse(document.getElementById('zorgsim-data').textContent);
  } catch (e) {
    errors.push('report data unreadable: ' + e.message);
    finish([], []);
    return;
  }
  const ctx = model.context(data);
  const t = ctx.t;
  const swatchStyle = (name) => '--scenario-colour: ' + model.scenarioColourOf(ctx, name);
  const built = model.buildCharts(ctx);
  const charts = built.charts;
  const sections = [];

  function section(id, title, ...content) {
    const element = h('section', { id }, h('h2', null, title), ...content);
    sections.push({ id, title });
    root.appendChild(element);
    return element;
  }

  function figure(chart) {
    return h('figure', { class: 'chart', id: 'chart-' + chart.id, role: 'img',
      'aria-label': chart.title });
  }

  function figures(list) {
    return list.length ? h('div', { class: 'charts' }, list.map(figure)) : null;
  }

  function omittedLine(sectionIds) {
    const left = built.omitted.filter((c) => sectionIds.includes(c.section));
    if (!left.length) {
      return null;
    }
    return h('p', { class: 'note omitted' }, t('report_omitted', {
      list: left.map((c) => c.title).join('; ') }));
  }

  const inSection = (...ids) => charts.filter((c) => ids.includes(c.section));

  /** "4,9" with the interval "4,7 tot 5,2" below it; the exact numbers as data attributes. */
  function valueCell(e, unit, options) {
    const o = options || {};
    if (!e || typeof e.mean !== 'number') {
      return h('td', { class: 'value' }, '–');
    }
    const sure = o.difference && model.certain(e.lo, e.hi);
    const classes = ['value'];
    if (sure) {
      classes.push('certain');
      if (o.lowerIsBetter !== undefined) {
        classes.push((e.mean < 0) === o.lowerIsBetter ? 'better' : 'worse');
      }
    }
    const detail = [];
    const interval = ctx.interval(e.lo, e.hi, unit, o.difference,
      o.short ? 'report_interval_short' : undefined);
    if (interval) {
      detail.push(interval);
    }
    if (o.p90 && typeof e.p90 === 'number') {
      detail.push('p90 ' + ctx.value(e.p90, unit));
    }
    if (o.base && typeof o.base.mean === 'number' && o.base.mean !== 0) {
      const pct = (100 * e.mean) / Math.abs(o.base.mean);
      detail.push((pct > 0 ? '+' : '') + model.fixed(pct, 1, ctx.lang) + '%');
    }
    return h('td', { class: classes.join(' '), 'data-value': e.mean, 'data-lo': e.lo,
      'data-hi': e.hi },
    sure ? h('span', { class: 'mark', title: t('report_certain_mark_title') }, '● ') : null,
    o.short ? model.amount(e.mean, unit, ctx.lang, o.difference) : ctx.value(e.mean, unit,
      o.difference),
    detail.length ? h('span', { class: 'interval' }, detail.join(' · ')) : null);
  }

  // ---- Header ------------------------------------------------------------------------------

  function horizonText(info) {
    if (!info.start && !info.end) {
      return '';
    }
    let text = t('report_horizon', { start: ctx.dateText(info.start), end: ctx.dateText(info.end) });
    const years = Number(String(info.end).slice(0, 4)) - Number(String(info.start).slice(0, 4));
    if (years > 0 && String(info.start).slice(4) === String(info.end).slice(4)) {
      text += ' ' + t('report_years', { years });
    }
    return text;
  }

  function header() {
    const kind = data.is_comparison ? (data.sizing ? 'report_kicker_compare_sizing'
      : 'report_kicker_compare') : data.sizing ? 'report_kicker_run_sizing' : 'report_kicker_run';
    const first = ctx.scenarios[0] || {};
    const facts = [];
    if (data.is_comparison) {
      facts.push(t('report_n_scenarios', { n: ctx.scenarios.length }));
    }
    if (horizonText(first)) {
      facts.push(horizonText(first));
    }
    if (typeof first.replications === 'number') {
      facts.push(t('report_n_replications', { n: first.replications }));
    }
    if (typeof first.seed === 'number') {
      facts.push(t('report_seed_value', { seed: first.seed }));
    }
    const title = !data.is_comparison || ctx.scenarios.length < 2
      ? [given(first.title || first.name || '')]
      : [given(ctx.alternatives.join(', ')), ' ' + t('report_compared_with') + ' ',
        given(ctx.base)];
    document.title = (!data.is_comparison || ctx.scenarios.length < 2 ? (first.title ||
      first.name || '') : ctx.alternatives.join(', ') + ' ' + t('report_compared_with') + ' ' +
      ctx.base) + ' – ' + t('report_doc_title');
    const nav = h('ol');
    const masthead = h('header', { class: 'masthead' },
      h('p', { class: 'kicker' }, t(kind)),
      h('h1', null, title),
      h('p', { class: 'meta' }, facts.join(' · ')),
      h('nav', { class: 'toc', 'aria-label': t('report_contents') }, nav));
    root.appendChild(masthead);
    return nav;
  }

  // ---- Summary and key figures -------------------------------------------------------------

  function summarySection() {
    const s = model.summary(ctx);
    if (!s.date) {
      return;
    }
    const blocks = s.blocks.map((block) => {
      const heading = block.kind === 'difference'
        ? h('h3', { style: swatchStyle(block.scenario) }, h('span', { class: 'swatch' }),
          given(block.scenario), ' ' + t('report_against') + ' ', given(ctx.base))
        : ctx.scenarios.length > 1 ? h('h3', { style: swatchStyle(block.scenario) },
          h('span', { class: 'swatch' }), given(block.scenario)) : null;
      return h('div', { class: 'summary-block' }, heading,
        h('ul', { class: 'sentences' }, block.items.map((item) =>
          h('li', { class: item.certain === true ? 'certain' : item.certain === false
            ? 'unsure' : 'level' },
          item.certain === true ? h('span', { class: 'mark' }, '● ')
            : item.certain === false ? h('span', { class: 'mark' }, '○ ') : null,
          item.text))));
    });
    const lead = s.blocks.some((b) => b.kind === 'difference')
      ? t('report_summary_lead_compare', { year: s.year })
      : t('report_summary_lead_run', { year: s.year });
    section('summary', t('report_summary'), h('p', { class: 'lead' }, lead), blocks,
      s.blocks.some((b) => b.kind === 'difference')
        ? h('p', { class: 'note' }, t('report_summary_key')) : null, warningsBlock());
  }

  /** Waiting lists that kept growing in the run (summary.json "warnings"), in words. */
  function warningsBlock() {
    const items = model.growingLists(ctx);
    if (!items.length) {
      return null;
    }
    return h('div', { class: 'warnings', role: 'note' }, h('h3', null, t('report_warnings')),
      h('ul', null, items.map((item) => h('li', null, item.text))));
  }

  function keyFiguresSection() {
    const k = model.keyFigures(ctx);
    if (!k.groups.length) {
      return;
    }
    const comparison = k.groups.some((g) => g.rows.some((r) => r.kind === 'difference'));
    const head = h('tr', null, h('th', { scope: 'col' }, t('report_outcome')),
      ctx.names.length > 1 ? h('th', { scope: 'col' }, '') : null,
      k.periods.map((date) => h('th', { scope: 'col', class: 'value' }, ctx.periodLabel(date))));
    // With one alternative the rows say what they are (base, alternative, difference) and the
    // lead names the scenarios: long scenario names would make every row three lines high.
    const single = ctx.alternatives.length === 1;
    const whoLabel = (row) => {
      if (row.kind === 'difference') {
        return single ? t('report_difference_short') : [t('report_difference_short') + ' ',
          given(row.scenario)];
      }
      if (single) {
        return t(row.scenario === ctx.base ? 'report_base' : 'report_alternative_short');
      }
      return given(row.scenario);
    };
    const bodies = [];
    for (const group of k.groups) {
      const body = [];
      group.rows.forEach((row, i) => {
        const cells = [];
        if (i === 0) {
          cells.push(h('th', { scope: 'rowgroup', rowspan: group.rows.length, class: 'outcome' },
            group.label, h('span', { class: 'definition' }, unitNote(group.unit))));
        }
        if (ctx.names.length > 1) {
          cells.push(h('th', { scope: 'row', class: 'who who-' + row.kind,
            style: swatchStyle(row.scenario) }, h('span', { class: 'swatch' }),
          whoLabel(row)));
        }
        for (const cell of row.cells) {
          cells.push(valueCell(cell, group.unit, { difference: row.kind === 'difference',
            short: true }));
        }
        body.push(h('tr', { class: 'row-' + row.kind + (i === 0 ? ' first' : ''),
          'data-metric': group.metric, 'data-service': group.service,
          'data-scenario': row.scenario }, cells));
      });
      // One tbody per outcome: printed, an outcome's rows stay on one page.
      bodies.push(h('tbody', null, body));
    }
    section('key-figures', t('report_key_figures'),
      h('p', { class: 'lead' }, comparison ? t('report_key_figures_lead_compare', {
        base: ctx.base }) : t('report_key_figures_lead_run')),
      single ? h('p', { class: 'note' }, t('report_key_figures_rows', {}), ' ',
        given(ctx.base), '; ' + t('report_alternative_short') + ': ', given(ctx.alternatives[0]),
        '.') : null,
      h('div', { class: 'table-wrap' }, h('table', { class: 'numbers key-figures' },
        h('thead', null, head), bodies)),
      k.quiet.length ? h('p', { class: 'note' }, t('report_no_waits_over_norm', {
        list: k.quiet.join(', ') })) : null);
  }

  function unitNote(unit) {
    return t('report_unit_note_' + unit);
  }

  // ---- Whole-horizon outcomes and differences ----------------------------------------------

  function outcomesSection() {
    const outcomes = model.headlineOutcomes(ctx);
    const reps = (ctx.scenarios[0] || {}).replications;
    const content = [h('p', { class: 'lead' }, t('report_outcomes_lead', {
      n: typeof reps === 'number' ? reps : '' }))];
    if (!outcomes.length) {
      content.push(h('p', { class: 'note' }, t('report_no_outcomes')));
    } else {
      content.push(h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' },
        h('thead', null, h('tr', null, h('th', null, t('report_outcome')),
          ctx.scenarios.map((s) => h('th', { class: 'value', style: swatchStyle(s.name) },
            h('span', { class: 'swatch' }), given(s.name))))),
        h('tbody', null, outcomes.map((o) => h('tr', { id: 'outcome-' + o.id },
          h('th', { scope: 'row' }, o.label, h('span', { class: 'definition' }, o.definition)),
          ctx.scenarios.map((s) => valueCell(model.estimate(s, o), o.unit, { p90: true }))))))));
    }
    const quiet = ctx.services.filter((s) => !model.someoneWaits(ctx, s.id) &&
      ctx.scenarios.some((sc) => model.estimate(sc, { service: s.id, metric: 'wait_days' })));
    if (quiet.length) {
      content.push(h('p', { class: 'note' }, t('report_nobody_waited', {
        list: quiet.map((s) => ctx.serviceLabel(s.id)).join(', ') })));
    }
    section('outcomes', t('report_outcomes'), content);
  }

  function differencesSection() {
    const diffs = data.differences || [];
    if (!data.is_comparison || !diffs.length || !ctx.scenarios.length) {
      return;
    }
    const base = ctx.scenarios[0];
    const outcomes = model.headlineOutcomes(ctx);
    section('differences', t('report_differences'),
      h('p', { class: 'lead' }, t('report_differences_lead', { base: base.name })),
      figures(inSection('differences')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' },
        h('thead', null, h('tr', null, h('th', null, t('report_outcome')),
          h('th', { class: 'value' }, given(base.name), ' ' + t('report_base_mark')),
          diffs.map((d) => h('th', { class: 'value', style: swatchStyle(d.alternative) },
            h('span', { class: 'swatch' }), given(d.alternative), ' − ' + t('report_base'))))),
        h('tbody', null, outcomes.map((o) => {
          const b = model.estimate(base, o);
          return h('tr', { id: 'difference-' + o.id },
            h('th', { scope: 'row' }, o.label, h('span', { class: 'definition' }, o.definition)),
            valueCell(b, o.unit, { p90: true }),
            diffs.map((d) => valueCell(model.estimate(d, o), o.unit, { difference: true,
              lowerIsBetter: o.lowerIsBetter, base: b })));
        })))));
  }

  function differencesOverTimeSection() {
    const list = inSection('differences-over-time');
    const omitted = omittedLine(['differences-over-time']);
    if (!list.length && !omitted) {
      return;
    }
    section('differences-over-time', t('report_differences_over_time'),
      h('p', { class: 'lead' }, ctx.paired.empty ? t('report_differences_over_time_unpaired', {
        base: ctx.base }) : t('report_differences_over_time_lead', { base: ctx.base })),
      figures(list), omitted);
  }

  // ---- Charts over time --------------------------------------------------------------------

  function perYearSection() {
    const system = inSection('system');
    const perYear = inSection('per-year');
    const omitted = omittedLine(['system', 'per-year']);
    if (!system.length && !perYear.length && !omitted) {
      return;
    }
    section('per-year', t('report_per_year'),
      system.length ? h('h3', null, t('report_whole_system')) : null, figures(system),
      perYear.length ? h('h3', null, t('report_admissions_and_cost')) : null,
      perYear.length ? h('p', { class: 'note' }, t('report_per_year_note')) : null,
      figures(perYear), omitted);
  }

  function flowsSection() {
    const list = inSection('flows');
    const omitted = omittedLine(['flows']);
    if (!list.length && !omitted) {
      return;
    }
    section('flows', t('report_flows'), h('p', { class: 'note' }, t('report_flows_note')),
      h('div', { class: 'charts wide' }, list.map(figure)), omitted);
  }

  function readingKey() {
    return h('div', { class: 'reading-key', 'aria-hidden': 'true' },
      h('span', null, h('span', { class: 'median' }), t('report_key_median')),
      h('span', null, h('span', { class: 'band50' }), t('report_key_band50')),
      h('span', null, h('span', { class: 'band90' }), t('report_key_band90')),
      h('span', null, h('span', { class: 'capacity' }), t('report_key_capacity')),
      h('span', null, t('report_key_hover')));
  }

  function serviceBlock(service, list, tag) {
    const badges = [];
    if (service.track === 'parallel') {
      badges.push(h('span', { class: 'badge' }, t('report_badge_parallel')));
    } else if (service.kind === 'care_at_home') {
      badges.push(h('span', { class: 'badge' }, t('report_badge_at_home')));
    } else if (service.kind === 'placement') {
      badges.push(h('span', { class: 'badge' }, t('report_badge_placement')));
    }
    if (service.closed) {
      badges.push(h('span', { class: 'badge closed' }, t('report_badge_closed')));
    }
    const other = ctx.lang === 'nl' ? service.name : service.dutch;
    return h('div', { class: 'service-block', id: 'service-' + model.slug(service.id) },
      h(tag, null, given(ctx.serviceLabel(service.id)),
        other && other !== ctx.serviceLabel(service.id)
          ? h('span', { class: 'other-name' }, given(other)) : null, badges),
      figures(list));
  }

  function servicesSection() {
    const list = inSection('services');
    if (!list.length) {
      if (ctx.ts.empty) {
        section('services', t('report_services'), h('p', { class: 'note' },
          t('report_no_timeseries')));
      }
      return;
    }
    const byService = (id) => list.filter((c) => c.group === id);
    const content = [h('p', { class: 'lead' }, t('report_services_lead')), readingKey()];
    if (!ctx.regions.length) {
      for (const service of ctx.services) {
        if (byService(service.id).length) {
          content.push(serviceBlock(service, byService(service.id), 'h3'));
        }
      }
    } else {
      // Shared services first, then each region's: "pleegzorg in Zaanstreek" without scrolling
      // through every region.
      const groups = [{ anchor: 'services-shared', title: t('report_shared_services'),
        blocks: [] }].concat(ctx.regions.map((r) => ({ anchor: 'services-region-' +
        model.slug(r.id), title: r.name, blocks: [] })));
      for (const service of ctx.services) {
        if (!byService(service.id).length) {
          continue;
        }
        const anchor = service.region ? 'services-region-' + model.slug(service.region)
          : 'services-shared';
        let group = groups.find((g) => g.anchor === anchor);
        if (!group) {
          group = { anchor, title: service.region, blocks: [] };
          groups.push(group);
        }
        group.blocks.push(serviceBlock(service, byService(service.id), 'h4'));
      }
      const shown = groups.filter((g) => g.blocks.length);
      const links = [];
      shown.forEach((g, i) => {
        if (i) {
          links.push(' · ');
        }
        links.push(h('a', { href: '#' + g.anchor }, g.title));
      });
      content.push(h('p', { class: 'jump' }, t('report_jump_to') + ' ', links));
      for (const g of shown) {
        content.push(h('h3', { id: g.anchor }, g.title), g.blocks);
      }
    }
    content.push(omittedLine(['services']));
    section('services', t('report_services'), content);
  }

  function regionsSection() {
    if (!ctx.regions.length) {
      return;
    }
    const outcomes = [['arrivals', false], ['in_care', false], ['out_of_home', true],
      ['closed', true], ['shared_admissions', false], ['shared_wait_days', true],
      ['wait_days', true], ['cost', true]].map(([metric, lowerIsBetter]) => {
      const entry = ctx.outcome('region', metric);
      return { metric, lowerIsBetter, unit: entry.unit, label: entry.label,
        definition: entry.definition };
    });
    const est = (owner, region, metric) => {
      const e = ((owner.regions || {})[region] || {})[metric];
      return e && typeof e === 'object' ? { mean: e.mean, lo: (e.ci95 || [])[0],
        hi: (e.ci95 || [])[1] } : null;
    };
    const head = () => h('thead', null, h('tr', null, h('th', null, t('report_region')),
      outcomes.map((o) => h('th', { class: 'value' }, o.label,
        h('span', { class: 'definition' }, o.definition)))));
    const content = [h('p', { class: 'lead' }, t('report_regions_lead'))];
    for (const scenario of ctx.scenarios) {
      if (!scenario.regions || !Object.keys(scenario.regions).length) {
        continue;
      }
      if (ctx.scenarios.length > 1) {
        content.push(h('h3', { style: swatchStyle(scenario.name) }, h('span', { class: 'swatch' }),
          given(scenario.name)));
      }
      content.push(h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' }, head(),
        h('tbody', null, ctx.regions.map((r) => h('tr', { id: 'region-' + model.slug(r.id) },
          h('th', { scope: 'row' }, given(r.name)),
          outcomes.map((o) => valueCell(est(scenario, r.id, o.metric), o.unit))))))));
    }
    const base = ctx.scenarios[0];
    for (const d of data.differences || []) {
      if (!d.regions || !Object.keys(d.regions).length || !base) {
        continue;
      }
      content.push(h('h3', { style: swatchStyle(d.alternative) }, h('span', { class: 'swatch' }),
        given(d.alternative), ' − ', given(base.name), ', ' + t('report_paired')));
      content.push(h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' }, head(),
        h('tbody', null, ctx.regions.map((r) => h('tr', null,
          h('th', { scope: 'row' }, given(r.name)),
          outcomes.map((o) => valueCell(est(d, r.id, o.metric), o.unit, { difference: true,
            lowerIsBetter: o.lowerIsBetter, base: est(base, r.id, o.metric) }))))))));
    }
    const list = inSection('regions');
    if (list.some((c) => c.id.startsWith('region-difference-'))) {
      content.push(h('p', { class: 'note' }, t('report_region_change_note')));
    }
    content.push(figures(list), omittedLine(['regions']));
    section('regions', t('report_regions'), content);
  }

  function backtestSection() {
    const backtest = model.readBacktest(ctx);
    if (!backtest) {
      return;
    }
    const share = (c, part) => c.values ? t('report_backtest_share', { part: c[part],
      n: c.values }) : '–';
    const mape = (c) => c.mape === null ? '–' : model.fixed(c.mape, 1, ctx.lang) + '%';
    const cells = (c) => [h('td', { class: 'value' }, c.values ? String(c.values) : '–'),
      h('td', { class: 'value' }, share(c, 'inside50')),
      h('td', { class: 'value' }, share(c, 'inside90')),
      h('td', { class: 'value' }, mape(c))];
    const content = [h('p', { class: 'lead' }, t('report_backtest_lead', {
      from: backtest.testFrom ? ctx.dateText(backtest.testFrom) : '–' }))];
    content.push(h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' },
      h('thead', null,
        h('tr', null, h('th', { rowspan: '2' }, t('report_backtest_series')),
          h('th', { colspan: '4', class: 'group' }, t('report_backtest_calibration_years')),
          h('th', { colspan: '4', class: 'group' }, t('report_backtest_test_years'))),
        h('tr', null, [0, 1].flatMap(() => [
          h('th', { class: 'value' }, t('report_backtest_values')),
          h('th', { class: 'value' }, t('report_backtest_inside50')),
          h('th', { class: 'value' }, t('report_backtest_inside90')),
          h('th', { class: 'value' }, t('report_backtest_mape'))]))),
      h('tbody', null, backtest.series.map((s) => h('tr', null,
        h('th', { scope: 'row' }, given(s.label)), cells(s.calibration), cells(s.test))),
      h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('report_backtest_all')),
        cells(backtest.calibration), cells(backtest.test))))));
    content.push(h('p', { class: 'note' }, t('report_backtest_how')));
    if (backtest.notCompared) {
      content.push(h('p', { class: 'note' }, t('report_backtest_not_compared', {
        n: backtest.notCompared })));
    }
    content.push(figures(inSection('backtest')));
    section('backtest', t('report_backtest'), content);
  }

  /**
   * Gemeenten: per municipality the youths in care, out of home, in closed care and waiting
   * and what it pays, over the horizon and per year, with for a comparison the paired
   * difference per municipality and year; a total row shows that they add up to the system.
   */
  function municipalitiesSection() {
    const towns = ctx.municipalities;
    if (!towns.length) {
      return;
    }
    const outcomes = [['in_care', false], ['out_of_home', true], ['closed', true],
      ['waiting', true], ['cost', true]].map(([metric, lowerIsBetter]) => {
      const entry = ctx.outcome('municipality', metric);
      return { metric, lowerIsBetter, unit: entry.unit, label: entry.label,
        definition: entry.definition };
    });
    const est = (owner, name, metric) => {
      const e = ((owner.municipalities || {})[name] || {})[metric];
      return e && typeof e === 'object' ? { mean: e.mean, lo: (e.ci95 || [])[0],
        hi: (e.ci95 || [])[1] } : null;
    };
    const regionName = new Map(ctx.regions.map((r) => [r.id, r.name]));
    const youthsCell = (m) => h('td', { class: 'value' },
      typeof m.youths === 'number' ? model.exact(m.youths, ctx.lang) : '–',
      m.year ? h('span', { class: 'interval' }, t('report_youths_year', { year: m.year })) : null);
    const nameCell = (m) => h('th', { scope: 'row' }, given(m.name),
      m.region && regionName.has(m.region)
        ? h('span', { class: 'interval' }, given(regionName.get(m.region))) : null);
    // Six figures side by side: the labels only, each definition on hover (and in the
    // outcomes section), so that the table fits the page.
    const head = () => h('thead', null, h('tr', null, h('th', null, t('report_municipality')),
      h('th', { class: 'value', title: t('report_youths_0_17_definition') },
        t('report_youths_0_17')),
      outcomes.map((o) => h('th', { class: 'value', title: o.definition }, o.label))));
    const table = (head_, rows) => h('div', { class: 'table-wrap' },
      h('table', { class: 'numbers' }, head_, h('tbody', null, rows)));
    const content = [h('p', { class: 'lead' }, t('report_municipalities_lead'))];
    const pooled = ctx.services.filter((s) => typeof s.solidarity_share === 'number' &&
      s.solidarity_share > 0);
    content.push(h('p', { class: 'note' }, t('report_municipalities_own'), ' ',
      pooled.length ? t('report_municipalities_pooled', {
        list: pooled.map((s) => ctx.serviceLabel(s.id) + ' (' +
          model.fixed(100 * s.solidarity_share, 0, ctx.lang) + '%)').join(', ') }) : ''));
    // The periods of the base's cost rows, for the tables per year.
    const periodsOf = (table, name) => {
      const dates = new Set();
      for (const m of towns) {
        for (const row of table.series(name, 'municipality:' + m.id, 'cost')) {
          dates.add(row.date);
        }
      }
      return Array.from(dates).sort();
    };
    const yearHead = (dates) => h('thead', null, h('tr', null,
      h('th', null, t('report_municipality')),
      dates.map((d) => h('th', { class: 'value' }, ctx.periodLabel(d)))));
    const cell = (row, options) => valueCell(row ? { mean: row.mean, lo: row.lo, hi: row.hi }
      : null, 'euros', Object.assign({ short: true }, options));
    for (const scenario of ctx.scenarios) {
      if (!scenario.municipalities || !Object.keys(scenario.municipalities).length) {
        continue;
      }
      if (ctx.scenarios.length > 1) {
        content.push(h('h3', { style: swatchStyle(scenario.name) }, h('span', { class: 'swatch' }),
          given(scenario.name)));
      }
      content.push(table(head(), towns.map((m) => h('tr', { id: 'municipality-' +
        model.slug(scenario.name) + '-' + model.slug(m.id) }, nameCell(m), youthsCell(m),
      outcomes.map((o) => valueCell(est(scenario, m.id, o.metric), o.unit))))));
      // In a comparison the base's cost per year; the alternatives' follow as differences.
      const dates = scenario === ctx.scenarios[0] || !ctx.data.is_comparison
        ? periodsOf(ctx.ts, scenario.name) : [];
      if (dates.length) {
        content.push(h('h4', null, t('report_municipality_cost_per_year')));
        const rows = towns.map((m) => h('tr', null, h('th', { scope: 'row' }, given(m.name)),
          dates.map((d) => cell(ctx.ts.at(scenario.name, 'municipality:' + m.id, 'cost', d)))));
        rows.push(h('tr', { class: 'total' }, h('th', { scope: 'row' },
          t('report_municipality_total')),
        dates.map((d) => cell(ctx.ts.at(scenario.name, 'system', 'cost', d)))));
        content.push(table(yearHead(dates), rows));
      }
    }
    const base = ctx.scenarios[0];
    for (const alternative of ctx.data.is_comparison ? ctx.alternatives : []) {
      const dates = periodsOf(ctx.paired, alternative);
      if (!dates.length || !base) {
        continue;
      }
      content.push(h('h3', { style: swatchStyle(alternative) }, h('span', { class: 'swatch' }),
        t('report_municipality_cost_change', { alternative, base: base.name }),
        ', ' + t('report_paired')));
      const options = { difference: true, lowerIsBetter: true };
      // Under each municipality the parts of the difference (occupied places, empty contracted
      // places, fixed cost), the kinds that are not zero everywhere.
      const kinds = ['cost_occupied', 'cost_vacant', 'cost_fixed'].filter((kind) =>
        towns.some((m) => dates.some((d) => {
          const row = ctx.paired.at(alternative, 'municipality:' + m.id, kind, d);
          return row && typeof row.mean === 'number' && row.mean !== 0;
        })));
      const rows = [];
      for (const m of towns) {
        rows.push(h('tr', null, h('th', { scope: 'row' }, given(m.name)),
          dates.map((d) => cell(ctx.paired.at(alternative, 'municipality:' + m.id, 'cost', d),
            options))));
        for (const kind of kinds) {
          rows.push(h('tr', { class: 'part' }, h('th', { scope: 'row' },
            t('report_municipality_part_' + kind)),
          dates.map((d) => cell(ctx.paired.at(alternative, 'municipality:' + m.id, kind, d),
            options))));
        }
      }
      rows.push(h('tr', { class: 'total' }, h('th', { scope: 'row' },
        t('report_municipality_total')),
      dates.map((d) => cell(ctx.paired.at(alternative, 'system', 'cost', d), options))));
      content.push(table(yearHead(dates), rows));
    }
    content.push(figures(inSection('municipalities')), omittedLine(['municipalities']));
    section('municipalities', t('report_municipalities'), content);
  }

  function sweepSection() {
    const sweep = model.readSweep(ctx);
    if (!sweep) {
      return;
    }
    const content = [h('p', { class: 'lead' }, t('report_sweep_lead', {
      parameters: sweep.parameters.join(', ') }))];
    if (sweep.failed.length) {
      content.push(h('p', { class: 'note' }, t('report_sweep_failed', {
        values: sweep.failed.join('; ') })));
    }
    content.push(figures(inSection('sweep')));
    section('sweep', t('report_sweep'), content);
  }

  function sizingSection() {
    const sizing = model.readSizing(ctx);
    if (!sizing) {
      return;
    }
    const name = ctx.serviceLabel(sizing.service);
    const lead = h('p', { class: 'lead' }, t('report_sizing_lead', { target: sizing.target.text }),
      ' ', h('strong', null, given(name)), ' (', given(sizing.scenario, 'code'), '): ',
      typeof sizing.capacity === 'number'
        ? h('strong', null, t(sizing.capacity === 1 ? 'report_one_place' : 'report_n_places',
          { n: model.exact(sizing.capacity, ctx.lang) }))
        : t('report_sizing_none'),
      '. ' + t('report_sizing_rule'));
    const content = [lead];
    if (sizing.tooClose.length) {
      content.push(h('p', { class: 'note' }, t('report_sizing_too_close', {
        capacities: sizing.tooClose.map((c) => model.exact(c, ctx.lang)).join(', ') })));
    }
    content.push(figures(inSection('sizing')));
    const achieved = Object.keys(sizing.achieved);
    if (achieved.length) {
      content.push(h('h3', null, t('report_sizing_achieved')), h('table', { class: 'numbers' },
        h('thead', null, h('tr', null, h('th', null, t('report_outcome')),
          h('th', { class: 'value' }, t('report_mean')),
          h('th', { class: 'value' }, t('report_ci95')),
          h('th', { class: 'value' }, 'p50'), h('th', { class: 'value' }, 'p90'))),
        h('tbody', null, achieved.map((metric) => {
          const entry = ctx.outcome('service', metric);
          const e = sizing.achieved[metric] || {};
          const ci = Array.isArray(e.ci95) ? e.ci95 : [];
          return h('tr', null, h('th', { scope: 'row' }, entry.label),
            h('td', { class: 'value' }, ctx.value(e.mean, entry.unit)),
            h('td', { class: 'value' }, ctx.interval(ci[0], ci[1], entry.unit) || '–'),
            h('td', { class: 'value' }, ctx.value(e.p50, entry.unit)),
            h('td', { class: 'value' }, ctx.value(e.p90, entry.unit)));
        }))));
    }
    if (sizing.plan.length) {
      // Which plan this is, and how it relates to the constant answer, said plainly.
      const kind = 'report_sizing_plan_' + sizing.planKind.replace('-', '_');
      const notes = [t(kind)];
      if (sizing.countTarget && sizing.planKind !== 'constant') {
        notes.push(t('report_sizing_plan_share'));
      }
      const capacities = sizing.plan.map((s) => s.capacity).filter((c) => typeof c === 'number');
      const entry = ctx.outcome('service', sizing.target.metric);
      const whole = sizing.planWhole;
      if (sizing.planKind !== 'constant' && capacities.length && whole &&
        typeof whole.mean === 'number' && typeof sizing.capacity === 'number') {
        notes.push(t('report_sizing_plan_relation', {
          constant: model.exact(sizing.capacity, ctx.lang),
          low: model.exact(Math.min(...capacities), ctx.lang),
          high: model.exact(Math.max(...capacities), ctx.lang),
          figure: sizing.target.metric + '.' + sizing.target.statistic + ' = ' +
            ctx.value(whole.mean, entry.unit) + (typeof whole.lo === 'number'
            ? ' (' + ctx.interval(whole.lo, whole.hi, entry.unit) + ')' : '') }));
      }
      const verdict = (step) => {
        const c = step.target;
        if (!step.measured || !c || typeof c.mean !== 'number') {
          return '–';
        }
        return ctx.value(c.mean, entry.unit) + (typeof c.lo === 'number' && c.lo !== c.hi
          ? ' (' + ctx.interval(c.lo, c.hi, entry.unit) + ')' : '') + ' · ' +
          (c.verdict === 'meets' ? t('report_meets') : t('report_misses'));
      };
      content.push(h('h3', null, t('report_sizing_plan')),
        h('p', { class: 'note' }, notes.join(' ')),
        h('table', { class: 'numbers' }, h('thead', null, h('tr', null,
          h('th', null, t('report_period_from')), h('th', { class: 'value' },
            t('report_axis_places')), h('th', { class: 'value' },
            t('report_sizing_plan_verdict')))),
        h('tbody', null, sizing.plan.map((step) => h('tr', null,
          h('td', null, ctx.dateText(step.date)),
          h('td', { class: 'value' }, typeof step.capacity === 'number'
            ? model.exact(step.capacity, ctx.lang) : '–'),
          h('td', { class: 'value' }, verdict(step)))))));
    }
    section('sizing', t('report_sizing'), content);
  }

  // ---- Glossary and appendix ---------------------------------------------------------------

  function glossarySection() {
    const terms = ['replication', 'mean', 'interval', 'median', 'band', 'p90', 'paired',
      'certain', 'time_average', 'per_period', 'wait_to_care', 'wait_norm', 'replacement',
      'reentry', 'out_of_home', 'closed'];
    section('glossary', t('report_glossary'), h('dl', { class: 'glossary' },
      terms.map((term) => [h('dt', null, t('report_term_' + term)),
        h('dd', null, t('report_term_' + term + '_text'))])));
  }

  function scenarioCard(scenario, isBase) {
    const facts = [[t('report_scenario'), given(scenario.name, 'code')]];
    if (horizonText(scenario)) {
      facts.push([t('report_fact_horizon'), horizonText(scenario)]);
    }
    if (scenario.period) {
      facts.push([t('report_fact_period'), t('report_period_' + scenario.period)]);
    }
    if (typeof scenario.warmup_days === 'number' && scenario.warmup_days > 0) {
      facts.push([t('report_fact_warmup'), t('report_warmup_days', {
        days: model.exact(scenario.warmup_days, ctx.lang) })]);
    }
    if (typeof scenario.replications === 'number') {
      facts.push([t('report_fact_replications'), String(scenario.replications)]);
    }
    if (typeof scenario.seed === 'number') {
      facts.push([t('report_fact_seed'), String(scenario.seed)]);
    }
    if (typeof scenario.wait_norm_days === 'number') {
      facts.push([t('report_fact_wait_norm'), ctx.value(scenario.wait_norm_days, 'days')]);
    }
    const policies = scenario.policies || [];
    const description = scenario.description || [];
    const lines = description.map((line) => {
      const start = line.search(/\S|$/);
      return h('p', { class: 'line level-' + Math.min(Math.floor(start / 2), 5) },
        given(line.slice(start)));
    });
    return h('article', { class: 'scenario', style: swatchStyle(scenario.name) },
      h('h3', null, h('span', { class: 'swatch' }), given(scenario.title || scenario.name),
        isBase ? h('span', { class: 'badge' }, t('report_base')) : null),
      h('dl', null, facts.map(([term, value]) => [h('dt', null, term), h('dd', null, value)])),
      h('h4', null, t('report_policy_timeline')),
      policies.length ? h('ol', { class: 'timeline' }, policies.map((p) => h('li', null,
        h('time', { datetime: p.date }, ctx.dateText(p.date)), given(p.description))))
        : h('p', { class: 'note' }, t('report_no_policies')),
      description.length ? h('details', { class: 'description' },
        h('summary', null, t('report_in_words', { n: description.length })), lines) : null);
  }

  function appendixSection() {
    const cards = h('div', { class: 'scenarios' }, ctx.scenarios.map((s, i) =>
      scenarioCard(s, data.is_comparison && i === 0)));
    const card = ['purpose', 'logic', 'data', 'experimentation', 'implementation'].map((item) =>
      [h('dt', null, t('report_card_' + item)), h('dd', null, t('report_card_' + item + '_text'))]);
    const provenance = data.provenance && typeof data.provenance === 'object'
      ? data.provenance : null;
    const facts = [];
    if (data.zorgsim_version) {
      facts.push([t('report_prov_version'), given(data.zorgsim_version, 'code')]);
    }
    if (provenance) {
      if (provenance.source_commit) {
        facts.push([t('report_prov_commit'), given(provenance.source_commit, 'code')]);
      }
      for (const [name, hash] of Object.entries(provenance.scenario_sha256 || {})) {
        facts.push([t('report_prov_scenario_hash', { name }), given(String(hash), 'code')]);
      }
      if (provenance.seed !== undefined) {
        facts.push([t('report_fact_seed'), String(provenance.seed)]);
      }
      if (provenance.replications !== undefined) {
        facts.push([t('report_fact_replications'), String(provenance.replications)]);
      }
      facts.push([t('report_prov_random'), t('report_prov_random_text')]);
    }
    section('appendix', t('report_appendix'),
      h('p', { class: 'lead' }, data.is_comparison ? t('report_appendix_lead_compare', {
        base: ctx.base }) : t('report_appendix_lead_run')),
      cards,
      h('h3', { id: 'model-card' }, t('report_model_card')),
      h('p', { class: 'note' }, t('report_model_card_lead')),
      h('dl', { class: 'model-card' }, card),
      h('h3', null, t('report_provenance')),
      facts.length ? h('dl', { class: 'model-card' }, facts.map(([term, value]) =>
        [h('dt', null, term), h('dd', null, value)]))
        : h('p', { class: 'note' }, t('report_no_provenance')),
      h('p', { class: 'note' }, t('report_figures_note')));
  }

  // ---- Drawing -----------------------------------------------------------------------------

  function finish(expected, outcomes) {
    let drawn = 0;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') {
        drawn += 1;
        return;
      }
      const reason = outcome.reason && outcome.reason.message ? outcome.reason.message
        : outcome.reason;
      errors.push('chart ' + expected[i].id + ': ' + reason);
      const place = document.getElementById('chart-' + expected[i].id);
      if (place) {
        place.classList.add('failed');
        place.textContent = t('report_chart_failed', { reason });
      }
    });
    status.dataset.expected = String(expected.length);
    status.dataset.rendered = String(drawn);
    status.dataset.errors = String(errors.length);
    status.dataset.warnings = String(warnings.length);
    status.dataset.state = 'done';
    if (errors.length === 0 && drawn === expected.length) {
      status.textContent = data ? t('report_status_done', { n: drawn }) : '';
    } else {
      status.classList.add('failed');
      status.textContent = data ? t('report_status_problems', { drawn, n: expected.length })
        : 'report data unreadable';
    }
    const problems = errors.concat(warnings.map((warning) => 'warning: ' + warning));
    if (problems.length) {
      status.appendChild(h('ul', null, problems.map((p) => h('li', null, p))));
    }
  }

  try {
    const nav = header();
    summarySection();
    keyFiguresSection();
    backtestSection();
    outcomesSection();
    differencesSection();
    differencesOverTimeSection();
    perYearSection();
    flowsSection();
    servicesSection();
    regionsSection();
    municipalitiesSection();
    sizingSection();
    sweepSection();
    glossarySection();
    appendixSection();
    for (const s of sections) {
      nav.appendChild(h('li', null, h('a', { href: '#' + s.id }, s.title)));
    }
  } catch (e) {
    errors.push('building the page: ' + (e && e.message ? e.message : e));
  }
  // The sections exist only now: a link to one (report.html#key-figures) scrolls there now.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.scrollIntoView();
  }
  // A folded scenario description is part of the record: print it unfolded.
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details.description').forEach((details) => {
      /** @type {HTMLDetailsElement} */ (details).open = true;
    });
  });
  const options = {
    renderer: 'svg', // crisp on screen and in print
    mode: 'vega-lite',
    // Saving a chart as SVG or PNG works offline; the editor and source links would not.
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { SVG_ACTION: t('report_save_svg'), PNG_ACTION: t('report_save_png'),
      CLICK_TO_VIEW_ACTIONS: t('report_chart_menu') },
    scaleFactor: 2
  };
  const jobs = charts.map((chart) => {
    const place = document.getElementById('chart-' + chart.id);
    if (!place) {
      return Promise.reject(new Error('no place on the page'));
    }
    if (typeof w.vegaEmbed !== 'function') {
      return Promise.reject(new Error('the chart library did not load'));
    }
    return w.vegaEmbed(place, chart.spec, Object.assign({}, options,
      { downloadFileName: chart.id, mode: chart.mode || 'vega-lite' })).then((result) => {
      if (!place.querySelector('svg')) {
        throw new Error('nothing was drawn');
      }
      return result;
    });
  });
  Promise.allSettled(jobs).then((outcomes) => finish(charts, outcomes));
})();
