// Unit tests of the page script's model (tools/report/assets/report.js) with Node's test runner,
// on the data documents of the fixture folders' reports (made by model_check.sh): numbers in
// Dutch and English, the key figures against timeseries.csv and differences.csv, the summary in
// words, and every chart spec compiled and parsed by the Vega-Lite and Vega the report embeds.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const work = process.env.ZORGSIM_REPORT_WORK;
const fixtures = process.env.ZORGSIM_REPORT_FIXTURES;
const source = process.env.ZORGSIM_SOURCE_DIR;
const model = require(path.join(source, 'tools/report/assets/report.js'));

function loadBundle(file, dependencies) {
  const module = { exports: {} };
  // eslint-disable-next-line no-new-func
  new Function('exports', 'module', 'require', 'define', fs.readFileSync(file, 'utf8'))(
    module.exports, module, (name) => dependencies[name], undefined);
  return module.exports;
}
const vega = loadBundle(path.join(source, 'node_modules/vega/build/vega.min.js'), {});
const vegaLite = loadBundle(path.join(source, 'node_modules/vega-lite/build/vega-lite.min.js'),
  { vega });

function dataOf(name) {
  const page = fs.readFileSync(path.join(work, name, 'report.html'), 'utf8');
  const open = '<script type="application/json" id="zorgsim-data">';
  const from = page.indexOf(open) + open.length;
  return JSON.parse(page.slice(from, page.indexOf('</script>', from)));
}

function readCsv(file) {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row = {};
    columns.forEach((c, i) => { row[c] = cells[i] === '' ? null : cells[i]; });
    return row;
  });
}

const number = (text) => (text === null || text === undefined ? null : Number(text));

test('numbers are written the Dutch way in Dutch and the English way in English', () => {
  assert.equal(model.fixed(1234567.891, 1, 'nl'), '1.234.567,9');
  assert.equal(model.fixed(1234567.891, 1, 'en'), '1,234,567.9');
  assert.equal(model.fixed(-0.01, 1, 'nl'), '0,0');
  assert.equal(model.exact(1310030, 'nl'), '1.310.030');
  assert.equal(model.exact(0.4064, 'nl'), '0,4064');
  assert.equal(model.exact(2, 'en'), '2');
  const ctx = model.context(dataOf('run'));
  assert.equal(ctx.value(650000, 'euros'), 'EUR 0,65 mln');
  assert.equal(ctx.value(15920000, 'euros'), 'EUR 15,9 mln');
  assert.equal(ctx.value(4.93, 'youths', true), '+4,9');
  assert.equal(ctx.value(12.34, 'days'), '12,3 dagen');
  assert.equal(ctx.interval(4.7, 5.2, 'youths'), '4,7 tot 5,2');
  const en = model.context(dataOf('regions-en'));
  assert.equal(en.value(650000, 'euros'), 'EUR 0.65 m');
  assert.equal(en.interval(4.7, 5.2, 'youths'), '4.7 to 5.2');
});

for (const name of ['run', 'compare', 'sizing', 'regions', 'regions-en', 'municipalities']) {
  test(`${name}: every chart has its own id and compiles and parses without a warning`, async () => {
    const { charts } = model.buildCharts(dataOf(name));
    assert.ok(charts.length > 0);
    const ids = new Set(charts.map((c) => c.id));
    assert.equal(ids.size, charts.length);
    for (const chart of charts) {
      const problems = [];
      const logger = vega.logger(vega.Warn);
      logger.warn = (...args) => problems.push(args.join(' '));
      logger.error = (...args) => problems.push(args.join(' '));
      const compiled = chart.mode === 'vega' ? chart.spec
        : vegaLite.compile(chart.spec, { logger }).spec;
      const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
      await view.runAsync();
      view.finalize();
      assert.deepEqual(problems, [], chart.id);
      assert.ok(chart.spec.config.locale, `${chart.id} carries the language's number format`);
    }
  });
}

test('municipalities: grouped by region, the cost per youth and differences.csv\'s paired ' +
  'difference per municipality and year, certain ones marked', () => {
  const data = dataOf('municipalities');
  const ctx = model.context(data);
  // Region order of the scenario (westfriesland, kop), then by name.
  assert.deepEqual(ctx.municipalities.map((m) => m.name), ['Hoorn', 'Opmeer', 'Den Helder',
    'Texel']);
  assert.equal(ctx.municipalities[2].youths, 11117);
  assert.equal(ctx.municipalities[2].region, 'kop');
  const { charts } = model.buildCharts(data);
  const perYouth = charts.find((c) => c.id === 'municipality-cost-per-youth-municipalities');
  assert.ok(perYouth, charts.map((c) => c.id).join(' '));
  assert.equal(perYouth.section, 'municipalities');
  const rows = readCsv(path.join(fixtures, 'municipalities', 'timeseries.csv'));
  const hoorn = rows.find((r) => r.scenario === 'municipalities' &&
    r.service === 'municipality:Hoorn' && r.metric === 'cost' && r.period_start === '2026-01-01');
  const cell = perYouth.spec.data.values.find((v) => v.municipality === 'Hoorn' &&
    v.period === '2026');
  assert.equal(cell.per_youth, number(hoorn.mean) / 14515);
  const change = charts.find((c) => c.id ===
    'municipality-cost-difference-municipalities-fewer-closed');
  assert.ok(change);
  const paired = readCsv(path.join(fixtures, 'municipalities', 'differences.csv'));
  for (const v of change.spec.data.values) {
    const row = paired.find((r) => r.service === 'municipality:' + v.municipality &&
      r.metric === 'cost' && r.period_start.slice(0, 4) === v.period);
    assert.equal(v.difference, number(row.mean), v.municipality + ' ' + v.period);
    assert.equal(v.clear, number(row.ci95_lo) > 0 || number(row.ci95_hi) < 0);
    assert.equal(v.t_label.startsWith('● '), v.clear);
  }
  // Numbers in the cells while they fit; for a province's 45 municipalities only colours.
  assert.ok(perYouth.spec.layer.some((l) => l.mark.type === 'text'));
  const many = JSON.parse(JSON.stringify(data));
  for (const scenario of many.scenarios) {
    for (let i = 0; i < 45; i += 1) {
      scenario.municipalities['M' + i] = scenario.municipalities.Hoorn;
      scenario.municipality_info['M' + i] = scenario.municipality_info.Hoorn;
    }
  }
  const wide = model.buildCharts(many).charts.find((c) =>
    c.id === 'municipality-cost-per-youth-municipalities');
  assert.ok(!wide.spec.layer.some((l) => l.mark.type === 'text'));
  assert.ok(wide.spec.height >= 49 * 16);
  // Without municipalities: no such charts.
  assert.ok(!model.buildCharts(dataOf('regions')).charts.some((c) =>
    c.id.startsWith('municipality-')));
});

test('a comparison colours each scenario the same in every chart', () => {
  const { charts } = model.buildCharts(dataOf('compare'));
  const scales = new Set();
  const walk = (spec) => {
    if (Array.isArray(spec)) {
      spec.forEach(walk);
    } else if (spec && typeof spec === 'object') {
      if (spec.field === 'scenario' && spec.scale && spec.scale.range) {
        scales.add(JSON.stringify([spec.scale.domain, spec.scale.range]));
      }
      Object.values(spec).forEach(walk);
    }
  };
  charts.forEach((c) => walk(c.spec));
  assert.equal(scales.size, 1);
  assert.ok([...scales][0].startsWith('[["baseline","foster-care-plus"]'));
});

test('the key figures hold the numbers of timeseries.csv and differences.csv', () => {
  for (const name of ['run', 'regions']) {
    const ctx = model.context(dataOf(name));
    const key = (r) => [r.scenario || r.alternative, r.period_start, r.service, r.metric].join('|');
    const means = new Map(readCsv(path.join(fixtures, name, 'timeseries.csv'))
      .map((r) => [key(r), r]));
    const paired = fs.existsSync(path.join(fixtures, name, 'differences.csv'))
      ? new Map(readCsv(path.join(fixtures, name, 'differences.csv')).map((r) => [key(r), r]))
      : new Map();
    const figures = model.keyFigures(ctx);
    assert.ok(figures.groups.length >= 6, name);
    const metrics = figures.groups.map((g) => g.metric);
    for (const metric of ['in_care', 'waiting', 'out_of_home', 'closed', 'cost']) {
      assert.ok(metrics.includes(metric), `${name} has ${metric}`);
    }
    let checked = 0;
    for (const group of figures.groups) {
      for (const row of group.rows) {
        const source = row.kind === 'difference' ? paired : means;
        for (const cell of row.cells) {
          const csv = source.get([row.scenario, cell.date, group.service, group.metric].join('|'));
          assert.ok(csv, `${name}: ${row.scenario} ${group.metric} ${cell.date}`);
          assert.equal(cell.mean, number(csv.mean));
          assert.equal(cell.lo, number(csv.ci95_lo));
          assert.equal(cell.hi, number(csv.ci95_hi));
          if (row.kind === 'difference') {
            assert.equal(cell.certain, cell.lo > 0 || cell.hi < 0);
          }
          checked += 1;
        }
      }
    }
    assert.ok(checked > 50, name);
    if (name === 'regions') {
      assert.ok(figures.groups.some((g) => g.rows.some((r) => r.kind === 'difference')));
    }
  }
});

test('differences over time are differences.csv\'s paired differences, with their interval', () => {
  const { charts } = model.buildCharts(dataOf('regions'));
  const waiting = charts.find((c) => c.id === 'difference-over-time-waiting');
  assert.ok(waiting);
  assert.ok(waiting.spec.layer.some((l) => l.mark.type === 'area'));
  const cell = waiting.spec.data.values.find((v) => v.date === '2027-01-01');
  assert.equal(cell.difference, 0.770896);
  assert.equal(cell.lo, 0.174021);
  assert.equal(cell.hi, 1.36777);
  // Without differences.csv: the difference of means, without a band.
  const unpaired = model.buildCharts(dataOf('compare')).charts
    .filter((c) => c.id.startsWith('difference-over-time-'));
  assert.ok(unpaired.length > 0);
  for (const chart of unpaired) {
    assert.ok(!chart.spec.layer.some((l) => l.mark.type === 'area'), chart.id);
  }
});

test('the summary speaks of the first year after the last policy step, in plain words', () => {
  const data = dataOf('regions');
  const ctx = model.context(data);
  const s = model.summary(ctx);
  // This fixture has no policy steps: the last year. A policy in 2029 makes it 2030.
  assert.equal(s.date, ctx.ts.periods[ctx.ts.periods.length - 1]);
  data.scenarios[1].policies = [{ date: '2029-01-01', description: 'x' }];
  assert.equal(model.focusPeriod(model.context(data)), '2030-01-01');
  const block = s.blocks[0];
  assert.equal(block.kind, 'difference');
  const closed = ctx.paired.at(block.scenario, 'system', 'closed', s.date);
  const sentence = block.items[0];
  assert.equal(sentence.certain, closed.lo > 0 || closed.hi < 0);
  if (sentence.certain) {
    assert.match(sentence.text, new RegExp(`^In ${s.year} zitten \\d+,\\d \\(\\d+,\\d tot ` +
      `\\d+,\\d\\) jongeren (minder|meer) in de gesloten jeugdzorg\\.$`));
  }
  assert.ok(block.items.some((item) => /^Dat kost dat jaar EUR /.test(item.text) ||
    /^Kosten/.test(item.text)));
  const english = model.summary(model.context(dataOf('regions-en')));
  assert.ok(english.blocks[0].items.some((item) => /youths/.test(item.text)));
  assert.ok(!english.blocks[0].items.some((item) => /jongeren/.test(item.text)));
});

test('a chart whose every value is 0 is left out and named instead', () => {
  const data = dataOf('run');
  const at = data.timeseries.columns.indexOf('service');
  const metricAt = data.timeseries.columns.indexOf('metric');
  for (const row of data.timeseries.rows) {
    if (row[at] === 'pleegzorg' && row[metricAt] === 'queue_length') {
      for (let i = 4; i < row.length; i += 1) {
        row[i] = 0;
      }
    }
  }
  const { charts, omitted } = model.buildCharts(data);
  assert.ok(!charts.some((c) => c.id === 'service-pleegzorg-waiting-list'));
  assert.deepEqual(omitted.map((c) => c.id), ['service-pleegzorg-waiting-list']);
  assert.match(omitted[0].title, /wachtlijst/);
});

test('services stacked in bars get distinguishable colours, up to twenty', () => {
  const data = dataOf('run');
  const ctx = model.context(data);
  const { charts } = model.buildCharts(ctx);
  const bars = charts.find((c) => c.id === 'cost-per-year-by-service');
  assert.ok(bars);
  const range = bars.spec.encoding.color.scale.range;
  assert.equal(new Set(range).size, range.length);
  assert.equal(bars.spec.encoding.color.legend.labelLimit, 0, 'legend labels are never cut');
  assert.match(bars.spec.encoding.y.title, /EUR mln/);
});

test('waiting lists that keep growing are said in words; malformed warnings are left out', () => {
  const data = dataOf('run');
  data.scenarios[0].warnings = [
    { service: 'pleegzorg', kind: 'drifting', from: '2026-01-01', to: '2034-01-01',
      from_mean: 66.7, to_mean: 94.6, growth_ci95: [10.6, 45.1], to_p95: 186 },
    { service: 'gezinshuis', kind: 'growing', from: '2030-01-01', to: '2034-01-01',
      from_mean: 10, to_mean: 20, growth_ci95: [8, 12] },
    null, 3, { service: 7 }, { service: 'x', from_mean: 'many' }];
  const items = model.growingLists(model.context(data));
  assert.deepEqual(items.map((i) => i.service), ['pleegzorg', 'gezinshuis']);
  assert.match(items[0].text, /^De wachtlijst van pleegzorg loopt op .*66,7 jongeren in 2026 en 94,6 in 2034 \(groei 10,6 tot 45,1\).* boven 186 uit/);
  assert.match(items[1].text, /^De wachtlijst van gezinshuis blijft groeien: gemiddeld 10,0 jongeren in 2030/);
});

test('the key figures count waits to care over the norm, with a service\'s own norm', () => {
  const data = dataOf('run');
  const columns = data.timeseries.columns;
  const at = (name) => columns.indexOf(name);
  const added = [];
  for (const row of data.timeseries.rows) {
    if (row[at('service')] === 'pleegzorg' && row[at('metric')] === 'waits_over_norm') {
      const copy = row.slice();
      copy[at('metric')] = 'wait_to_care_over_norm';
      copy[at('mean')] = (row[at('mean')] || 0) + 1;
      added.push(copy);
    }
  }
  assert.ok(added.length > 0);
  data.timeseries.rows.push(...added);
  data.catalogue.service.wait_to_care_over_norm = {
    unit: 'count', label: 'Wachttijd tot zorg boven de norm', definition: 'test',
    whole_horizon: true, per_period: true };
  data.services.find((s) => s.id === 'pleegzorg').wait_norm_days = 42;
  const figures = model.keyFigures(model.context(data));
  const foster = figures.groups.filter((g) => g.service === 'pleegzorg');
  assert.deepEqual(foster.map((g) => g.metric), ['wait_to_care_over_norm']);
  assert.match(foster[0].label, /^Wachttijd tot zorg boven de norm \(42 dagen\): /);
  assert.equal(foster[0].rows[0].cells[0].mean, added[0][at('mean')]);
});

test('the key figures show the youth-protection chain only when a scenario has parallel services', () => {
  const data = dataOf('run');
  const columns = data.timeseries.columns;
  const at = (name) => columns.indexOf(name);
  const metrics = (figures) => figures.groups.map((g) => g.service + ':' + g.metric);
  const added = [];
  for (const row of data.timeseries.rows) {
    if (row[at('service')] === 'system' && row[at('metric')] === 'waiting') {
      for (const metric of ['with_measure', 'waiting_for_guardian']) {
        const copy = row.slice();
        copy[at('metric')] = metric;
        added.push(copy);
      }
    }
  }
  assert.ok(added.length > 0);
  data.timeseries.rows.push(...added);
  for (const metric of ['with_measure', 'waiting_for_guardian']) {
    data.catalogue.system[metric] = { unit: 'youths', label: metric, definition: 'test',
      whole_horizon: true, per_period: true };
  }
  // Without a parallel service the chain's figures stay out, even where the results hold them.
  const before = metrics(model.keyFigures(model.context(data)));
  assert.ok(!before.includes('system:with_measure'));
  const gi = data.services.find((s) => s.kind !== 'placement');
  gi.track = 'parallel';
  const after = metrics(model.keyFigures(model.context(data)));
  assert.ok(after.includes(gi.id + ':wait_days'), after.join(' '));
  assert.ok(after.includes(gi.id + ':waits_over_norm'), after.join(' '));
  assert.ok(after.includes('system:with_measure'));
  assert.ok(after.includes('system:waiting_for_guardian'));
  assert.ok(after.indexOf('system:with_measure') < after.indexOf('system:cost'));
});
