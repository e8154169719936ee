// Unit tests of the flow diagram (tools/report/assets/flows.js) with Node's test runner, on the
// data documents of the fixture folders' reports (made by model_check.sh) and on small made-up
// flows: what a policymaker reads off the Sankey must be what summary.json's "flows" says.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const work = process.env.ZORGSIM_REPORT_WORK;
const source = process.env.ZORGSIM_SOURCE_DIR;
const model = require(path.join(source, 'tools/report/assets/report.js'));
const flows = require(path.join(source, 'tools/report/assets/flows.js'));

function dataOf(name) {
  const page = fs.readFileSync(path.join(work, name, 'report.html'), 'utf8');
  const open = '<script type="application/json" id="zorgsim-data">';
  const from = page.indexOf(open) + open.length;
  return JSON.parse(page.slice(from, page.indexOf('</script>', from)));
}

const sum = (list) => list.reduce((a, b) => a + b, 0);

test('every move becomes a link: into a service from the left, out of it to the right', () => {
  const ctx = model.context(dataOf('run'));
  const scenario = ctx.scenarios[0];
  const graph = flows.graphOf(ctx, scenario, ['#111111'], false);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // A move from one service to another is drawn on both sides of the middle column.
  const onward = graph.links.filter((l) => l.source === 'm:service:jeugdzorgplus' &&
    l.target === 'n:service:kleinschalig');
  assert.equal(onward.length, 1);
  assert.equal(onward[0].value, 12);
  const mirrored = graph.links.filter((l) => l.source === 'o:service:jeugdzorgplus' &&
    l.target === 'm:service:kleinschalig');
  assert.equal(mirrored.length, 1);
  assert.equal(byId.get('o:service:jeugdzorgplus').label, 'vanuit JeugdzorgPlus');
  assert.equal(byId.get('n:service:kleinschalig').label, 'naar kleinschalig wonen');
  assert.equal(byId.get('o:src:huisarts').label, 'huisarts');
  assert.equal(byId.get('n:end:aged_out').label, '18 jaar of ouder: uit de jeugdzorg');
  // What comes into a service is what goes out of it, as in the results file (whose numbers
  // have five significant digits).
  for (const node of graph.nodes.filter((n) => n.column === 1)) {
    const inflow = sum(graph.links.filter((l) => l.target === node.id).map((l) => l.value));
    const outflow = sum(graph.links.filter((l) => l.source === node.id).map((l) => l.value));
    assert.ok(Math.abs(inflow - outflow) < 1e-3 * Math.max(1, inflow), node.id);
  }
  // A referral that never reached a service goes straight from the left to the right.
  assert.ok(graph.links.some((l) => l.source === 'o:src:wijkteam' &&
    l.target === 'n:end:no_suitable_place'));
});

test('the placements diagram keeps only moves into and out of placements', () => {
  const ctx = model.context(dataOf('run'));
  const graph = flows.graphOf(ctx, ctx.scenarios[0], [], true);
  const middle = graph.nodes.filter((n) => n.column === 1).map((n) => n.id);
  assert.ok(!middle.includes('m:service:ambulant'), middle.join());
  assert.ok(middle.includes('m:service:pleegzorg'));
  // Care at home still shows where youths in a placement came from.
  assert.ok(graph.links.some((l) => l.source === 'o:service:ambulant' &&
    l.target === 'm:service:pleegzorg'));
  assert.ok(!graph.links.some((l) => l.source === 'o:src:huisarts' &&
    l.target === 'n:end:waiting_at_end'));
});

test('with regions, a service of every region is one node and so is a kind of channel', () => {
  const ctx = model.context(dataOf('regions'));
  const graph = flows.graphOf(ctx, ctx.scenarios[0], [], false);
  const middle = graph.nodes.filter((n) => n.column === 1);
  const roles = new Set(ctx.services.filter((s) => s.role).map((s) => s.role));
  assert.ok(middle.some((n) => n.id.startsWith('m:role:')), middle.map((n) => n.id).join());
  assert.ok(middle.length <= ctx.services.length - roles.size + roles.size);
  // The nodes' moves add up to the file's.
  const total = sum((ctx.scenarios[0].flows || []).filter((f) => f.from.startsWith('source:'))
    .map((f) => f.mean));
  const fromChannels = sum(graph.links.filter((l) => l.source.startsWith('o:src:'))
    .map((l) => l.value));
  assert.ok(Math.abs(total - fromChannels) < 0.5 * graph.links.length + 1e-9);
});

test('a channel of every region is named by what the regions\' names share', () => {
  assert.equal(flows.commonLabel(['wijkteam / gebiedsteam, Kop van NH',
    'wijkteam / gebiedsteam, Kennemerland']), 'wijkteam / gebiedsteam');
  assert.equal(flows.commonLabel(['huisarts, jeugdarts, Alkmaar', 'huisarts, jeugdarts, Hoorn']),
    'huisarts, jeugdarts');
  assert.equal(flows.commonLabel(['Veilig Thuis', 'Veilig Thuis']), 'Veilig Thuis');
});

test('each scenario gets its diagrams, drawn with d3-sankey in Vega, numbers on hover', () => {
  const data = dataOf('run');
  const charts = model.buildCharts(data).charts.filter((c) => c.section === 'flows');
  assert.deepEqual(charts.map((c) => c.id), ['flows-0', 'flows-0-placements']);
  for (const chart of charts) {
    assert.equal(chart.mode, 'vega');
    const links = chart.spec.data.find((d) => d.name === 'links').values;
    assert.ok(links.length > 0);
    for (const link of links) {
      assert.match(link.path, /^M[\d.,-]+C/);
      assert.equal(Object.keys(link.tip).length, 3);
      assert.ok(Object.values(link.tip).every((v) => typeof v === 'string' && v.length > 0));
    }
  }
  // One move's interval is shown; it never goes below zero youths.
  const one = charts[0].spec.data[0].values.find((l) => l.tip.Van === 'huisarts' &&
    l.tip.Naar === 'kleinschalig wonen');
  assert.match(one.tip['Jongeren (gemiddeld)'], /^\d+(,\d+)? \(\d+(,\d+)? tot \d+(,\d+)?\)$/);
});

test('a results file without flows draws no diagram and a hostile one draws only what is valid', () => {
  const compare = model.buildCharts(dataOf('compare'));
  assert.equal(compare.charts.filter((c) => c.section === 'flows').length, 0);
  const data = dataOf('run');
  data.scenarios[0].flows = [null, 7, { from: 1, to: 'end:x', mean: 3 },
    { from: 'start', to: 'end:made_up', mean: 'many' },
    { from: 'start', to: 'service:nowhere', mean: 4, ci95: ['a', null] },
    { from: 'source:huisarts', to: 'end:discharged', mean: -3 }];
  const built = model.buildCharts(data);
  const drawn = built.charts.filter((c) => c.section === 'flows');
  assert.equal(drawn.length, 1);
  assert.deepEqual(built.omitted.filter((c) => c.section === 'flows').map((c) => c.id),
    ['flows-0-placements']);
  const nodes = drawn[0].spec.data.find((d) => d.name === 'nodes').values;
  assert.deepEqual(nodes.map((n) => n.label).sort(), ['al in zorg of wachtend op 1 januari 2025',
    'nowhere'].sort());
});
