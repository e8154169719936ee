// The studio's page as a policymaker uses it, in headless Chromium (Debian's, driven by
// playwright-core): see browser_check.sh. Fails (exit 1) with what it expected.
//
// usage: node browser_check.cjs URL CHROMIUM OUT_DIR WORK_DIR [SCREENSHOT.png]
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, executablePath, out, work, screenshot] = process.argv.slice(2);
const problems = [];

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function waitDone(page, what, comparison, previous) {
  await page.waitForFunction(({ comparison, previous }) => {
    const s = document.getElementById('studio-status');
    return s && (s.dataset.state === 'failed' || (s.dataset.state === 'done' &&
      s.dataset.comparison === comparison && s.dataset.run !== previous));
  }, { comparison, previous: previous || '' }, { timeout: 180000 });
  const status = await page.$eval('#studio-status', (s) => Object.assign({}, s.dataset));
  check(status.state === 'done', what + ': the page says ' + status.state + ' (' +
    (status.message || '') + ')');
  check(status.rendered === status.expected, what + ': ' + status.rendered + ' of ' +
    status.expected + ' charts drawn');
  check(status.errors === '0', what + ': ' + status.errors + ' errors on the page');
  return status;
}

/** The drawn page with the report data document added, for visible_text.py. */
async function dumpDom(page, run, lang, file) {
  await page.evaluate(async ({ run, lang }) => {
    const response = await fetch('/api/runs/' + run + '/report?lang=' + lang);
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = 'zorgsim-data';
    element.textContent = await response.text();
    document.body.appendChild(element);
  }, { run, lang });
  fs.writeFileSync(file, await page.content());
  await page.evaluate(() => document.getElementById('zorgsim-data').remove());
}

async function main() {
  const browser = await chromium.launch({ executablePath, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 },
      acceptDownloads: true, locale: 'nl-NL' });
    const origin = new URL(url).origin;
    // The page loads nothing but its own API.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) {
        return route.continue();
      }
      problems.push('the page asked for ' + route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push('page error: ' + error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push('console ' + message.type() + ': ' + message.text());
      }
    });
    await page.goto(url);

    // 1. The baseline's own key figures at once.
    const base = await waitDone(page, 'the base scenario', '0');
    check(await page.$eval('html', (e) => e.lang) === 'nl', 'the page is Dutch by default');
    check(await page.$eval('#studio-base', (e) => e.value) === 'westfriesland-baseline',
      'the baseline is picked');
    check(await page.locator('#studio-key-figures tbody tr').count() > 5,
      'the key figures of the base are shown');

    // 2. 20 more foster families from 2027 and 2% prevention a year from 2026.
    const foster = '[data-lever-row="capacity:pleegzorg"]';
    await page.click(foster + ' button[aria-label="+10"]');
    await page.click(foster + ' button[aria-label="+10"]');
    await page.selectOption(foster + ' select[data-lever-date]', '2027-01-01');
    check(await page.$eval(foster + ' input[data-lever]', (e) => e.value) === '200',
      'foster care shows 200 places');
    check(/\+20/.test(await page.$eval(foster + ' .change', (e) => e.textContent)),
      'the lever says "+20 plekken"');
    await page.fill('input[data-lever="inflow"]', '-2');
    await page.press('input[data-lever="inflow"]', 'Tab');
    await page.selectOption('[data-lever-row="inflow"] select[data-lever-date]', '2026-01-01');
    await page.fill('#studio-alternative-name', '20 pleeggezinnen meer en 2% preventie');

    // 3. Run and wait for the comparison.
    await page.click('#studio-run');
    const compared = await waitDone(page, 'the comparison', '1', base.run);
    const run = compared.run;

    // 4. The paired difference of the foster-care wait: negative from 2028, with its interval.
    const cells = await page.$$eval(
      'tr[data-service="pleegzorg"][data-metric="wait_days"][data-kind="difference"] td',
      (tds) => tds.map((td) => ({ value: Number(td.dataset.value), lo: Number(td.dataset.lo),
        hi: Number(td.dataset.hi), interval: (td.querySelector('.interval') || {}).textContent || '',
        certain: td.classList.contains('certain') })));
    check(cells.length === 10, 'ten years of foster-care wait differences, got ' + cells.length);
    for (const cell of cells.slice(3)) {
      check(cell.value < 0 && cell.hi < 0, 'the foster-care wait is shorter from 2028: ' +
        JSON.stringify(cell));
      check(/\d.*tot.*\d|\d\s*[–-]\s*-?\d/.test(cell.interval) || cell.interval.length > 2,
        'its interval is shown: ' + JSON.stringify(cell));
      check(cell.certain, 'a difference whose interval excludes 0 is marked certain');
    }
    const sentences = await page.$$eval('#studio-summary li', (li) => li.map((e) => e.textContent));
    check(sentences.some((s) => /pleegzorg/.test(s)), 'the summary speaks of foster care: ' +
      sentences.join(' | '));
    fs.mkdirSync(out, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    if (screenshot) {
      // The one in docs/: tall enough to show the summary and the first key figures.
      await page.setViewportSize({ width: 1440, height: 1500 });
      await page.screenshot({ path: screenshot });
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
    await page.screenshot({ path: path.join(out, 'studio-nl.png') });
    await page.screenshot({ path: path.join(out, 'studio-nl-full.png'), fullPage: true });
    await dumpDom(page, run, 'nl', path.join(out, 'studio-nl.dom.html'));

    // 5. The film of replication 0 plays.
    await page.click('#studio-film-play');
    await page.waitForTimeout(1500);
    const date = await page.$eval('#studio-film-time', (e) => Number(e.value));
    check(date > 0, 'the film moves on');
    await page.click('#studio-film-play');

    // 6. English.
    await page.click('button.lang[lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitDone(page, 'the English page', '1', '');
    check(await page.$eval('h1', (e) => e.textContent) === 'Youth-care scenario studio',
      'the heading is English');
    check(await page.$eval('#studio-key-figures h3', (e) => e.textContent) === 'Key figures per year',
      'the key figures are in English');
    await page.screenshot({ path: path.join(out, 'studio-en.png') });
    await dumpDom(page, run, 'en', path.join(out, 'studio-en.dom.html'));

    // 7. Download the alternative's scenario file, and what the studio showed, for zorgsim compare.
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.click('a[data-alternative]')]);
    await download.saveAs(path.join(work, 'download'));
    fs.writeFileSync(path.join(work, 'download-name'), download.suggestedFilename());
    const job = await (await page.request.get(origin + '/api/runs/' + run + '?result=0')).json();
    fs.writeFileSync(path.join(work, 'run-settings'), job.replications + ' ' + job.seed + '\n');
    for (const file of ['differences.csv', 'comparison.json']) {
      const response = await page.request.get(origin + '/api/runs/' + run + '/files/' + file);
      check(response.ok(), 'download ' + file);
      fs.writeFileSync(path.join(work, file), await response.body());
    }

    // 8. Back in Dutch, a base with steps of its own (capacity steps, routing shifts, an
    //    admission stop): its levers, every group open, for the language check.
    await page.click('button.lang[lang="nl"]');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await page.selectOption('#studio-base', 'westfriesland-zero-closed-2030');
    const steps = await waitDone(page, 'the zero-closed base', '0', run);
    await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
    check(await page.locator('[data-lever-row^="policy:"]').count() >= 10,
      'the zero-closed scenario\'s own steps are levers');
    await dumpDom(page, steps.run, 'nl', path.join(out, 'studio-nl-steps.dom.html'));
    check(problems.length === 0, 'problems on the page:\n  ' + problems.join('\n  '));
  } finally {
    await browser.close();
  }
}

main().then(() => console.log('browser check: passed'), (error) => {
  console.error('FAIL: ' + error.message);
  if (problems.length) {
    console.error('  ' + problems.join('\n  '));
  }
  process.exit(1);
});
