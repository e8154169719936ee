// Writes each chart of a zorgsim report as an SVG file: the specifications come from the page's
// own model (report.js) and are drawn by the same Vega and Vega-Lite that the report embeds.
// zorgsim's write_figures copies this script, report.js and the two libraries (vega.min.js,
// vega-lite.min.js) into one temporary folder and runs:
//
//   node figures.cjs DATA.json OUT_DIR
//
// DATA.json is the report's data document (the page's <script id="zorgsim-data">); OUT_DIR/ID.svg
// is written for each chart. The libraries are the browser builds, loaded here with a minimal
// CommonJS shim, so that nothing but Node.js itself is needed at run time (no node_modules, no
// canvas package).
'use strict';
const fs = require('fs');
const path = require('path');

function loadBundle(file, dependencies) {
  const module = { exports: {} };
  const code = fs.readFileSync(file, 'utf8');
  // eslint-disable-next-line no-new-func
  new Function('exports', 'module', 'require', 'define', code)(
    module.exports, module, (name) => dependencies[name], undefined);
  return module.exports;
}

// Without a canvas, Vega guesses text widths at 0.8 em a character, far too wide: labels get cut
// short and titles push charts apart. The page and rsvg-convert both draw with Liberation Sans
// (Arial's metrics), so measure with Arial's advance widths (1/1000 em, characters 32 to 126).
const ARIAL_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

function textWidth(item, text) {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const bold = item.fontWeight === 'bold' || +item.fontWeight >= 600;
  const lines = Array.isArray(text) ? text : [text == null ? '' : String(text)];
  let widest = 0;
  for (const line of lines) {
    let units = 0;
    for (const character of String(line)) {
      const code = character.codePointAt(0);
      units += code >= 32 && code < 127 ? ARIAL_WIDTHS[code - 32] : 556;
    }
    widest = Math.max(widest, (units / 1000) * size * (bold ? 1.07 : 1));
  }
  // Vega cuts a label longer than its limit down to the limit (with an ellipsis).
  return item.limit > 0 ? Math.min(widest, +item.limit) : widest;
}

// d3-sankey and what it needs, in load order (file, module name).
const SANKEY_BUNDLES = [['internmap.min.js', 'internmap'], ['d3-array.min.js', 'd3-array'],
  ['d3-path.min.js', 'd3-path'], ['d3-shape.min.js', 'd3-shape'], ['d3-sankey.min.js', 'd3-sankey']];

async function main() {
  const [dataFile, outDir] = process.argv.slice(2);
  if (!dataFile || !outDir) {
    throw new Error('usage: node figures.cjs DATA.json OUT_DIR');
  }
  const vega = loadBundle(path.join(__dirname, 'vega.min.js'), {});
  // The flow diagram's layout (flows.js) finds d3-sankey on globalThis.d3, as in the page.
  const d3 = {};
  for (const [file, name] of SANKEY_BUNDLES) {
    Object.assign(d3, loadBundle(path.join(__dirname, file), { [name]: d3, 'd3-array': d3,
      'd3-path': d3, 'd3-shape': d3, internmap: d3 }));
  }
  globalThis.d3 = d3;
  const vegaLite = loadBundle(path.join(__dirname, 'vega-lite.min.js'), { vega });
  vega.textMetrics.width = textWidth;
  const report = require(path.join(__dirname, 'report.js'));
  const charts = report.buildCharts(JSON.parse(fs.readFileSync(dataFile, 'utf8'))).charts;
  const problems = [];
  const logger = vega.logger(vega.Warn);
  // A warning means a chart is not drawn as meant: fail rather than write a wrong figure.
  logger.warn = (...args) => problems.push(args.join(' '));
  logger.error = (...args) => problems.push(args.join(' '));
  for (const chart of charts) {
    const compiled = chart.mode === 'vega' ? chart.spec : vegaLite.compile(chart.spec, { logger }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
    const svg = await view.toSVG();
    view.finalize();
    if (problems.length > 0) {
      throw new Error(`chart ${chart.id}: ${problems.join('; ')}`);
    }
    fs.writeFileSync(path.join(outDir, `${chart.id}.svg`), svg);
  }
}

main().catch((error) => {
  console.error(`figures.cjs: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
