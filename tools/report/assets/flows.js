// @ts-check
// The report's flow diagram (stroomdiagram): how youths moved through the landscape over the
// horizon, one Sankey per scenario, from summary.json's "flows" (docs/output-format.md). Three
// columns: where youths came from (a referral channel, another service, or already there at the
// start), the service they were in, and where they went next (another service or an end). A move
// from service A to service B is drawn twice, as "A -> to B" on the right of A and as "from A ->
// B" on the left of B, so that the picture has no cycles and every service shows what came in
// and what went out. d3-sankey lays the diagram out; Vega draws it, with the numbers on hover.
// Plain ES2017; in the browser it defines window.zorgsimFlows (d3-sankey's bundles define
// window.d3), under Node it is a CommonJS module (report.js calls it from buildCharts).
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.zorgsimFlows = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** d3-sankey: the page's inlined bundle (window.d3), or the npm package under Node. */
  function sankeyLibrary() {
    const g = typeof globalThis !== 'undefined' ? /** @type {any} */ (globalThis) : {};
    if (g.d3 && typeof g.d3.sankey === 'function') {
      return g.d3;
    }
    if (typeof require === 'function') {
      return require('d3-sankey');
    }
    throw new Error('d3-sankey is not loaded');
  }

  // A move made on average by fewer youths than this is left out: it would be a hairline.
  const SMALLEST = 0.5;
  const WIDTH = 1040;
  const LABEL_SPACE = 260; // left and right of the diagram, for the outer columns' labels
  const GREY = '#9aa3ad';
  const END_IDS = ['discharged', 'aged_out', 'no_suitable_place', 'rejected', 'reneged',
    'in_care_at_end', 'waiting_at_end'];

  /** The longest common start of LABELS, cut back to a whole part ("wijkteam, Kop" -> "wijkteam"). */
  function commonLabel(labels) {
    let prefix = labels[0] || '';
    for (const label of labels) {
      while (!label.startsWith(prefix)) {
        prefix = prefix.slice(0, -1);
      }
    }
    if (labels.every((label) => label === prefix)) {
      return prefix;
    }
    const comma = prefix.lastIndexOf(', ');
    const space = prefix.lastIndexOf(' ');
    const cut = comma > 0 ? comma : space > 0 ? space : prefix.length;
    return prefix.slice(0, cut).replace(/[\s,/(-]+$/, '');
  }

  /**
   * How the scenario's channels and services are drawn: each its own node, or with regions one
   * node per role (the same service in every region) and per kind of channel.
   */
  function groups(ctx, scenario, colours) {
    const grouped = ctx.regions.length > 0;
    /** @type {Map<string, {key: string, label: string, colour: string, order: number}>} */
    const services = new Map();
    const byKey = new Map();
    const serviceIds = ctx.services.map((s) => s.id);
    for (const service of ctx.services) {
      const key = grouped && service.role ? 'role:' + service.role : 'service:' + service.id;
      let group = byKey.get(key);
      if (!group) {
        group = { key, label: grouped && service.role
          ? ctx.t('report_all_regions', { role: service.role })
          : ctx.shortServiceLabel(service.id), colour: '', order: byKey.size };
        byKey.set(key, group);
      }
      services.set(service.id, group);
    }
    for (const group of byKey.values()) {
      group.colour = colours.length ? colours[group.order % colours.length] : '#4363d8';
    }
    const info = scenario.source_info || {};
    const sourceLabel = (id) => {
      const entry = info[id] || {};
      return (ctx.lang === 'nl' && entry.dutch ? entry.dutch : entry.name) || id;
    };
    /** @type {Map<string, {key: string, members: string[], label: string, order: number}>} */
    const sourceGroups = new Map();
    /** @type {Map<string, string>} */
    const sources = new Map();
    for (const id of Object.keys(info)) {
      const region = (info[id] || {}).region;
      const key = grouped && region && id.startsWith(region + '_')
        ? id.slice(region.length + 1) : id;
      let group = sourceGroups.get(key);
      if (!group) {
        group = { key, members: [], label: '', order: sourceGroups.size };
        sourceGroups.set(key, group);
      }
      group.members.push(id);
      sources.set(id, key);
    }
    for (const group of sourceGroups.values()) {
      const labels = group.members.map(sourceLabel);
      group.label = group.members.length > 1
        ? ctx.t('report_all_regions', { role: commonLabel(labels) || group.key })
        : labels[0];
    }
    return { services, serviceIds, sources, sourceGroups, sourceLabel };
  }

  /**
   * The nodes and links of one scenario's diagram, before layout. With PLACEMENTS only the
   * moves into and out of placements (verblijf) are drawn, with the placements in the middle.
   */
  function graphOf(ctx, scenario, colours, placements) {
    const g = groups(ctx, scenario, colours || []);
    const shown = (id) => {
      if (!placements) {
        return true;
      }
      const service = ctx.serviceById.get(id);
      return !!service && (!service.kind || service.kind === 'placement');
    };
    /** @type {Map<string, any>} */
    const nodes = new Map();
    /** @type {Map<string, any>} */
    const links = new Map();
    const node = (id, column, label, colour, order) => {
      if (!nodes.has(id)) {
        nodes.set(id, { id, column, label, colour, order });
      }
      return id;
    };
    const serviceGroup = (id) => g.services.get(id) ||
      { key: 'service:' + id, label: id, colour: GREY, order: 1000 };
    const origin = (from) => {
      if (from === 'start') {
        return node('o:start', 0, ctx.t('report_flow_start', { date: ctx.dateText(
          scenario.start) }), GREY, -1);
      }
      if (from.startsWith('source:')) {
        const id = from.slice(7);
        const key = g.sources.get(id) || id;
        const group = g.sourceGroups.get(key);
        return node('o:src:' + key, 0, group ? group.label : g.sourceLabel(id), GREY,
          group ? group.order : 1000);
      }
      const group = serviceGroup(from.slice(8));
      return node('o:' + group.key, 0, ctx.t('report_flow_from_service', { service: group.label }),
        group.colour, 100 + group.order);
    };
    const middle = (id) => {
      const group = serviceGroup(id);
      return node('m:' + group.key, 1, group.label, group.colour, group.order);
    };
    const next = (to) => {
      if (to.startsWith('end:')) {
        const end = to.slice(4);
        const index = END_IDS.indexOf(end);
        return node('n:end:' + end, 2, index >= 0 ? ctx.t('report_flow_end_' + end) : end, GREY,
          1000 + (index >= 0 ? index : END_IDS.length));
      }
      const group = serviceGroup(to.slice(8));
      return node('n:' + group.key, 2, ctx.t('report_flow_to_service', { service: group.label }),
        group.colour, group.order);
    };
    const link = (source, target, move, colour) => {
      const key = source + '\u0000' + target;
      const entry = links.get(key);
      if (entry) {
        entry.value += move.mean;
        entry.moves += 1;
      } else {
        links.set(key, { source, target, value: move.mean, lo: move.lo, hi: move.hi, moves: 1,
          colour });
      }
    };
    for (const raw of scenario.flows || []) {
      if (!raw || typeof raw.from !== 'string' || typeof raw.to !== 'string' ||
          typeof raw.mean !== 'number' || !(raw.mean > 0)) {
        continue;
      }
      const ci = Array.isArray(raw.ci95) ? raw.ci95 : [];
      const move = { mean: raw.mean, lo: ci[0], hi: ci[1] };
      const fromService = raw.from.startsWith('service:');
      const toService = raw.to.startsWith('service:');
      if (!fromService && !toService) {
        if (!placements) {
          link(origin(raw.from), next(raw.to), move, GREY);
        }
        continue;
      }
      if (toService && shown(raw.to.slice(8))) {
        const target = serviceGroup(raw.to.slice(8));
        link(origin(raw.from), middle(raw.to.slice(8)), move, target.colour);
      }
      if (fromService && shown(raw.from.slice(8))) {
        const from = serviceGroup(raw.from.slice(8));
        link(middle(raw.from.slice(8)), next(raw.to), move, from.colour);
      }
    }
    const kept = [...links.values()].filter((l) => l.value >= SMALLEST);
    const used = new Set();
    for (const l of kept) {
      used.add(l.source);
      used.add(l.target);
    }
    return {
      nodes: [...nodes.values()].filter((n) => used.has(n.id)),
      links: kept,
      left: links.size - kept.length
    };
  }

  /** A band of width W from (X0, Y0) to (X1, Y1): filled, so that its bounds are its own. */
  function band(x0, y0, x1, y1, w) {
    const h = w / 2;
    const xm = (x0 + x1) / 2;
    const r = (v) => Math.round(v * 100) / 100;
    return 'M' + r(x0) + ',' + r(y0 - h) + 'C' + r(xm) + ',' + r(y0 - h) + ' ' + r(xm) + ',' +
      r(y1 - h) + ' ' + r(x1) + ',' + r(y1 - h) + 'L' + r(x1) + ',' + r(y1 + h) + 'C' + r(xm) +
      ',' + r(y1 + h) + ' ' + r(xm) + ',' + r(y0 + h) + ' ' + r(x0) + ',' + r(y0 + h) + 'Z';
  }

  /**
   * One scenario's diagram as a chart of the report: {id, title, section, mode, spec}; all care,
   * or with PLACEMENTS the placements only.
   */
  function flowChart(ctx, scenario, index, colours, locale, placements) {
    const name = scenario.name || '';
    const id = 'flows-' + index + (placements ? '-placements' : '');
    const key = placements ? 'report_flow_title_placements' : 'report_flow_title';
    const title = ctx.names.length > 1 ? ctx.t(key + '_of', { scenario: name }) : ctx.t(key);
    const graph = graphOf(ctx, scenario, colours, placements);
    if (!graph.links.length) {
      return { id, title, section: 'flows', omitted: true };
    }
    const perColumn = [0, 0, 0];
    for (const n of graph.nodes) {
      perColumn[n.column] += 1;
    }
    const height = Math.max(320, 24 * Math.max(...perColumn) + 40);
    const d3 = sankeyLibrary();
    const layout = d3.sankey()
      .nodeId((/** @type {any} */ n) => n.id)
      .nodeAlign((/** @type {any} */ n) => n.column)
      .nodeWidth(14)
      .nodePadding(10)
      .nodeSort((/** @type {any} */ a, /** @type {any} */ b) => a.order - b.order)
      .extent([[LABEL_SPACE, 24], [WIDTH - LABEL_SPACE, height]]);
    const laid = layout({
      nodes: graph.nodes.map((n) => Object.assign({}, n)),
      links: graph.links.map((l) => Object.assign({}, l))
    });
    const youths = ctx.t('report_flow_tip_youths');
    const valueText = (l) => {
      const shown = ctx.value(l.value, 'count');
      // A sum of moves has no interval of its own; one move has its replications' 95% interval.
      if (l.moves === 1 && typeof l.lo === 'number' && typeof l.hi === 'number') {
        return shown + ' (' + ctx.interval(Math.max(0, l.lo), Math.max(0, l.hi), 'count') + ')';
      }
      return shown;
    };
    const linkValues = laid.links.map((/** @type {any} */ l) => ({
      path: band(l.source.x1, l.y0, l.target.x0, l.y1, Math.max(1, l.width)),
      colour: l.colour,
      tip: {
        [ctx.t('report_flow_tip_from')]: l.source.label,
        [ctx.t('report_flow_tip_to')]: l.target.label,
        [youths]: valueText(l)
      }
    }));
    const nodeValues = laid.nodes.map((/** @type {any} */ n) => ({
      x0: n.x0, x1: n.x1, y0: n.y0, y1: Math.max(n.y1, n.y0 + 1), column: n.column,
      label: n.label, colour: n.colour,
      tip: { [ctx.t('report_flow_tip_node')]: n.label, [youths]: ctx.value(n.value, 'count') }
    }));
    const columnTitles = ['report_flow_column_from', 'report_flow_column_service',
      'report_flow_column_next'].map((key, column) => ({
      text: ctx.t(key),
      x: column === 0 ? LABEL_SPACE : column === 1 ? WIDTH / 2 : WIDTH - LABEL_SPACE,
      align: column === 0 ? 'right' : column === 1 ? 'center' : 'left'
    }));
    const subtitle = ctx.t('report_flow_subtitle', {
      from: ctx.dateText(scenario.start), to: ctx.dateText(scenario.end),
      smallest: ctx.value(SMALLEST, 'count') });
    const spec = {
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: WIDTH,
      height: height + 8,
      padding: 6,
      background: 'white',
      config: { locale },
      title: { text: title, subtitle, anchor: 'start', fontSize: 13, fontWeight: 600,
        color: '#1b2430', subtitleFontSize: 11, subtitleColor: '#5b6573', offset: 10 },
      data: [
        { name: 'links', values: linkValues },
        { name: 'nodes', values: nodeValues },
        { name: 'columns', values: columnTitles }
      ],
      marks: [
        { type: 'path', from: { data: 'links' }, encode: {
          update: { path: { field: 'path' }, fill: { field: 'colour' },
            fillOpacity: { value: 0.35 }, tooltip: { field: 'tip' } },
          hover: { fillOpacity: { value: 0.65 } } } },
        { type: 'rect', from: { data: 'nodes' }, encode: {
          update: { x: { field: 'x0' }, x2: { field: 'x1' }, y: { field: 'y0' },
            y2: { field: 'y1' }, fill: { field: 'colour' }, tooltip: { field: 'tip' } } } },
        { type: 'text', from: { data: 'nodes' }, encode: {
          update: {
            x: { signal: 'datum.column === 0 ? datum.x0 - 5 : datum.x1 + 5' },
            y: { signal: '(datum.y0 + datum.y1) / 2' },
            align: { signal: "datum.column === 0 ? 'right' : 'left'" },
            baseline: { value: 'middle' }, text: { field: 'label' }, fontSize: { value: 11 },
            fontWeight: { signal: "datum.column === 1 ? 600 : 400" },
            limit: { value: LABEL_SPACE - 10 }, fill: { value: '#1b2430' },
            tooltip: { field: 'tip' } } } },
        { type: 'text', from: { data: 'columns' }, encode: {
          update: { x: { field: 'x' }, y: { value: 8 }, align: { field: 'align' },
            baseline: { value: 'middle' }, text: { field: 'text' }, fontSize: { value: 11 },
            fontWeight: { value: 600 }, fill: { value: '#5b6573' } } } }
      ]
    };
    return { id, title, section: 'flows', mode: 'vega', spec, smallLeftOut: graph.left };
  }

  /**
   * The flow diagrams of every scenario that has flows, in input order: COLOURS per service,
   * LOCALE the language's number and date format (report.js's LOCALES).
   */
  function flowCharts(ctx, colours, locale) {
    const out = [];
    ctx.scenarios.forEach((scenario, index) => {
      if (Array.isArray(scenario.flows)) {
        out.push(flowChart(ctx, scenario, index, colours, locale, false));
        out.push(flowChart(ctx, scenario, index, colours, locale, true));
      }
    });
    return out;
  }

  return { flowCharts, graphOf, commonLabel };
});
