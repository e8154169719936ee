// Writes each chart of a zorgsim report as an SVG file, drawn by the same Vega and Vega-Lite
// that the report embeds. zorgsim's write_figures copies this script and the two libraries
// (vega.min.js, vega-lite.min.js) into one temporary folder and runs:
//
//   node figures.cjs CHARTS.json OUT_DIR
//
// CHARTS.json is [{"id": ..., "spec": <Vega-Lite spec>}, ...]; OUT_DIR/ID.svg is written for
// each. The libraries are the browser builds, loaded here with a minimal CommonJS shim, so that
// nothing but Node.js itself is needed at run time (no node_modules, no canvas package).
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

async function main() {
  const [chartsFile, outDir] = process.argv.slice(2);
  if (!chartsFile || !outDir) {
    throw new Error('usage: node figures.cjs CHARTS.json OUT_DIR');
  }
  const vega = loadBundle(path.join(__dirname, 'vega.min.js'), {});
  const vegaLite = loadBundle(path.join(__dirname, 'vega-lite.min.js'), { vega });
  const charts = JSON.parse(fs.readFileSync(chartsFile, 'utf8'));
  const problems = [];
  const logger = vega.logger(vega.Warn);
  // A warning means a chart is not drawn as meant: fail rather than write a wrong figure.
  logger.warn = (...args) => problems.push(args.join(' '));
  logger.error = (...args) => problems.push(args.join(' '));
  for (const chart of charts) {
    const compiled = vegaLite.compile(chart.spec, { logger }).spec;
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
