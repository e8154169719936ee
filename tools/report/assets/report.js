// @ts-check
// The report's model: everything made from the data document (data.hpp) that needs no browser:
// words, numbers in the reader's language, the key figures per year, the summary in words and
// every chart as a Vega-Lite specification. The page (page.js) builds its sections from these; Node
// loads the same file for `zorgsim report --figures` (figures.cjs) and for the unit tests
// (tests/report/report_model_test.cjs). Plain ES2017, no bundler: in the browser it defines
// window.zorgsimReport, under Node it is a CommonJS module.
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.zorgsimReport = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // ---- Words and numbers ------------------------------------------------------------------

  /** Number and date conventions of the two languages (d3-format and d3-time-format locales). */
  const LOCALES = {
    nl: {
      number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] },
      time: {
        dateTime: '%a %e %B %Y %X', date: '%d-%m-%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
        days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
        shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
        months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
          'september', 'oktober', 'november', 'december'],
        shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov',
          'dec']
      }
    },
    en: {
      number: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
      time: {
        dateTime: '%a %e %B %Y %X', date: '%m/%d/%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
        days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
        shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
        months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December'],
        shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
          'Dec']
      }
    }
  };

  /**
   * VALUE with DECIMALS decimals and the language's separators: "1.234,5" (nl), "1,234.5" (en).
   * @param {number} value @param {number} decimals @param {string} lang
   */
  function fixed(value, decimals, lang) {
    const digits = Math.abs(value).toFixed(decimals);
    const [whole, fraction] = digits.split('.');
    const locale = LOCALES[lang === 'en' ? 'en' : 'nl'].number;
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale.thousands);
    const sign = value < 0 && Number(digits) !== 0 ? '-' : '';
    return sign + grouped + (fraction ? locale.decimal + fraction : '');
  }

  /** VALUE as the results files hold it (six significant digits), in the language's notation. */
  function exact(value, lang) {
    const rounded = Number(value.toPrecision(6));
    const text = String(Math.abs(rounded));
    const decimals = text.includes('e') ? 10 : (text.split('.')[1] || '').length;
    const shown = fixed(rounded, Math.min(decimals, 10), lang);
    if (decimals === 0) {
      return shown;
    }
    const point = LOCALES[lang === 'en' ? 'en' : 'nl'].number.decimal;
    return shown.replace(/0+$/, '').replace(new RegExp('\\' + point + '$'), '');
  }

  /** How many decimals a figure of UNIT gets in tables and sentences. */
  function decimalsFor(value, unit) {
    const size = Math.abs(value);
    if (unit === 'euros') {
      const millions = size / 1e6;
      return millions >= 100 ? 0 : millions >= 10 ? 1 : millions >= 0.1 || millions === 0 ? 2 : 3;
    }
    if (unit === 'share') {
      return 0;
    }
    if (unit === 'ratio') {
      return 2;
    }
    return size >= 100 ? 0 : 1;
  }

  /** The number of a figure without its unit word: euros in millions, shares in percent. */
  function amount(value, unit, lang, signed, decimals) {
    const shown = unit === 'euros' ? value / 1e6 : unit === 'share' ? value * 100 : value;
    const text = fixed(shown, decimals === undefined ? decimalsFor(value, unit) : decimals, lang);
    return signed && shown > 0 && !/^[0.,]+$/.test(text) ? '+' + text : text;
  }

  /**
   * The words table of the document with {name} placeholders filled; an unknown key is a bug.
   * @param {Record<string, string>} words
   */
  function translator(words) {
    return function t(key, vars) {
      const text = words[key];
      if (typeof text !== 'string') {
        throw new Error('tools/words/words.json has no word ' + key);
      }
      if (!vars) {
        return text;
      }
      return text.replace(/\{(\w+)\}/g, (whole, name) =>
        vars[name] === undefined ? whole : String(vars[name]));
    };
  }

  // ---- The data document -------------------------------------------------------------------

  /** timeseries.csv or differences.csv as rows with an index by (scenario, service, metric). */
  function indexTable(table) {
    const rows = [];
    const byKey = new Map();
    const periods = new Set();
    if (table && Array.isArray(table.rows)) {
      const at = {};
      table.columns.forEach((name, i) => { at[name] = i; });
      const scenarioAt = at.scenario !== undefined ? at.scenario : at.alternative;
      for (const cells of table.rows) {
        const row = {
          scenario: cells[scenarioAt], date: cells[at.period_start], service: cells[at.service],
          metric: cells[at.metric], mean: cells[at.mean], lo: cells[at.ci95_lo],
          hi: cells[at.ci95_hi], p05: cells[at.p05], p25: cells[at.p25], p50: cells[at.p50],
          p75: cells[at.p75], p95: cells[at.p95]
        };
        rows.push(row);
        periods.add(row.date);
        const key = row.scenario + '\u0000' + row.service + '\u0000' + row.metric;
        if (!byKey.has(key)) {
          byKey.set(key, []);
        }
        byKey.get(key).push(row);
      }
    }
    for (const list of byKey.values()) {
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return {
      empty: rows.length === 0,
      rows,
      periods: Array.from(periods).sort(),
      /** @returns {any[]} */
      series(scenario, service, metric) {
        return byKey.get(scenario + '\u0000' + service + '\u0000' + metric) || [];
      },
      at(scenario, service, metric, date) {
        return this.series(scenario, service, metric).find((row) => row.date === date);
      }
    };
  }

  const isNumber = (value) => typeof value === 'number' && isFinite(value);

  /**
   * The municipalities of the scenarios (summary.json "municipality_info"), each once:
   * [{id, name, youths, year, region}], in region order and then by name, so that a province's
   * 45 stay grouped by their region. The id is the key of the results (timeseries.csv
   * `municipality:ID`); the name is what the reader sees.
   */
  function municipalitiesOf(scenarios, regions) {
    const seen = new Map();
    for (const scenario of scenarios) {
      const info = scenario.municipality_info || {};
      for (const id of Object.keys(scenario.municipalities || {})) {
        if (!seen.has(id)) {
          const i = info[id] && typeof info[id] === 'object' ? info[id] : {};
          seen.set(id, { id, name: typeof i.name === 'string' && i.name ? i.name : id,
            youths: isNumber(i.youths_0_17) ? i.youths_0_17 : null,
            year: isNumber(i.year) ? i.year : null,
            region: typeof i.region === 'string' ? i.region : '' });
        }
      }
    }
    const order = new Map(regions.map((r, i) => [r.id, i]));
    const rank = (m) => (order.has(m.region) ? order.get(m.region) : -1);
    return Array.from(seen.values()).sort((a, b) => rank(a) - rank(b) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Everything the builders share, made once from the document. */
  function context(data) {
    const lang = data.lang === 'en' ? 'en' : 'nl';
    const t = translator(data.words || {});
    const scenarios = data.scenarios || [];
    const ts = indexTable(data.timeseries);
    const paired = indexTable(data.paired);
    const catalogue = data.catalogue || {};
    let period = '';
    for (const scenario of scenarios) {
      period = period || scenario.period || '';
    }
    if (!period) {
      period = ts.periods.every((p) => /^\d{4}-01-01$/.test(p)) ? 'year' : 'month';
    }
    const services = data.services || [];
    const serviceById = new Map(services.map((s) => [s.id, s]));
    return {
      data, lang, t, scenarios, ts, paired, period, services, serviceById,
      regions: data.regions || [],
      municipalities: municipalitiesOf(scenarios, data.regions || []),
      names: scenarios.map((s) => s.name),
      base: scenarios.length ? scenarios[0].name : '',
      alternatives: data.is_comparison ? scenarios.slice(1).map((s) => s.name) : [],
      /** The catalogue entry of METRIC in SCOPE (service, system or region). */
      outcome(scope, metric) {
        const entry = (catalogue[scope] || {})[metric];
        return entry || { unit: 'count', label: metric, definition: '' };
      },
      /** A service as the reader knows it: its Dutch name in Dutch, its name in English. */
      serviceLabel(id) {
        const service = serviceById.get(id);
        if (!service) {
          return id;
        }
        return lang === 'nl' && service.dutch ? service.dutch : service.name || id;
      },
      /** The label without its explanation in brackets, for legends. */
      shortServiceLabel(id) {
        const label = this.serviceLabel(id);
        const cut = label.search(/ [(/]/);
        return cut > 0 ? label.slice(0, cut) : label;
      },
      periodLabel(date) {
        const year = date.slice(0, 4);
        const month = Number(date.slice(5, 7));
        if (period === 'quarter') {
          return t('report_quarter_label', { year, quarter: Math.floor((month - 1) / 3) + 1 });
        }
        if (period === 'month') {
          return LOCALES[lang].time.shortMonths[month - 1] + ' ' + year;
        }
        return year;
      },
      /** A date "2026-01-01" in words: "1 januari 2026". */
      dateText(date) {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
        if (!match) {
          return date || '';
        }
        const month = LOCALES[lang].time.months[Number(match[2]) - 1];
        return lang === 'en' ? Number(match[3]) + ' ' + month + ' ' + match[1]
          : Number(match[3]) + ' ' + month + ' ' + match[1];
      },
      /** A figure with its unit word: "4,9", "12,3 dagen", "EUR 0,65 mln", "41%". */
      value(value, unit, signed) {
        if (!isNumber(value)) {
          return '–';
        }
        const text = amount(value, unit, lang, signed);
        if (unit === 'euros') {
          return t('report_eur_mln', { value: text });
        }
        if (unit === 'share') {
          return text + '%';
        }
        if (unit === 'days') {
          return t('report_days_value', { value: text });
        }
        return text;
      },
      /** "4,7 tot 5,2": an interval in the unit's display number, without the unit word. */
      interval(lo, hi, unit, signed, key) {
        if (!isNumber(lo) || !isNumber(hi)) {
          return '';
        }
        const decimals = decimalsFor(Math.max(Math.abs(lo), Math.abs(hi)), unit);
        return t(key || 'report_interval', {
          lo: amount(lo, unit, lang, signed, decimals), hi: amount(hi, unit, lang, signed, decimals)
        });
      },
      exact(value, unit) {
        if (!isNumber(value)) {
          return '–';
        }
        return unit === 'euros' ? '€\u00a0' + exact(value, lang) : exact(value, lang);
      }
    };
  }

  /** Whether a difference's 95% interval excludes 0: more than chance alone would give. */
  function certain(lo, hi) {
    return isNumber(lo) && isNumber(hi) && (lo > 0 || hi < 0);
  }

  // ---- Key figures per year ----------------------------------------------------------------

  /** The outcomes of the key figures table, in the order a policymaker asks about them. */
  function keyOutcomes(ctx) {
    const rows = [];
    const has = (service, metric) => ctx.names.some((name) =>
      ctx.ts.series(name, service, metric).some((row) => isNumber(row.mean)));
    for (const metric of ['in_care', 'waiting', 'out_of_home', 'closed', 'closed_admissions']) {
      if (has('system', metric)) {
        rows.push({ service: 'system', metric });
      }
    }
    const quiet = [];
    for (const service of ctx.services) {
      // Waits to care over the norm of the service first waited for (results before zorgsim
      // had them: admissions over the norm).
      const metric = has(service.id, 'wait_to_care_over_norm') ? 'wait_to_care_over_norm'
        : 'waits_over_norm';
      const placement = service.kind === 'placement';
      // Care at home where more than 1 in 20 waited longer than the norm.
      const many = ctx.scenarios.some((s) => {
        const e = estimate(s, { service: service.id, metric: 'wait_to_care_over_norm_share' });
        return !!e && isNumber(e.mean) && e.mean >= 0.05;
      });
      if ((!placement && !(metric === 'wait_to_care_over_norm' && many)) ||
        !has(service.id, metric)) {
        continue;
      }
      const some = ctx.names.some((name) => ctx.ts.series(name, service.id, metric)
        .some((row) => isNumber(row.mean) && row.mean > 0));
      if (some) {
        rows.push({ service: service.id, metric });
      } else if (placement) {
        quiet.push(ctx.serviceLabel(service.id));
      }
    }
    // The youth-protection chain (parallel services beside care): the wait for a guardian at the
    // GI and for a Veilig Thuis investigation against its norm, the youths under a measure and
    // those waiting for a guardian.
    const parallel = ctx.services.filter((service) => service.track === 'parallel');
    for (const service of parallel) {
      for (const metric of ['wait_days', 'waits_over_norm']) {
        if (has(service.id, metric)) {
          rows.push({ service: service.id, metric });
        }
      }
    }
    for (const metric of parallel.length ? ['with_measure', 'waiting_for_guardian'] : []) {
      if (has('system', metric)) {
        rows.push({ service: 'system', metric });
      }
    }
    for (const metric of ['replacements', 'reentries', 'cost']) {
      if (has('system', metric)) {
        rows.push({ service: 'system', metric });
      }
    }
    // The cost split as contracts are written, when some scenario pays for empty places or a
    // fixed cost (otherwise the occupied places are all of the cost).
    const paid = (metric) => ctx.names.some((name) => ctx.ts.series(name, 'system', metric)
      .some((row) => isNumber(row.mean) && row.mean > 0));
    if (paid('cost_vacant') || paid('cost_fixed')) {
      for (const metric of ['cost_occupied', 'cost_vacant', 'cost_fixed']) {
        rows.push({ service: 'system', metric });
      }
    }
    return { rows, quiet };
  }

  /**
   * The key figures per period: per outcome one row per scenario (its mean with the 95%
   * interval) and, for a comparison, one row per alternative with its paired difference from
   * the base (differences.csv), marked certain when the interval excludes 0.
   */
  function keyFigures(ctx) {
    const { rows: outcomes, quiet } = keyOutcomes(ctx);
    const periods = ctx.ts.periods;
    const table = [];
    for (const { service, metric } of outcomes) {
      const entry = ctx.outcome(service === 'system' ? 'system' : 'service', metric);
      const norm = /over_norm$/.test(metric) ? serviceNorm(ctx, service) : null;
      const label = service === 'system' ? entry.label
        : entry.label + (isNumber(norm) ? ' (' + ctx.t('report_days_value',
          { value: ctx.exact(norm) }) + ')' : '') + ': ' +
          ctx.serviceLabel(service);
      const group = { service, metric, label, unit: entry.unit, definition: entry.definition,
        rows: [] };
      for (const name of ctx.names) {
        group.rows.push({
          kind: 'scenario', scenario: name,
          cells: periods.map((date) => {
            const row = ctx.ts.at(name, service, metric, date);
            return row ? { date, mean: row.mean, lo: row.lo, hi: row.hi } : { date };
          })
        });
      }
      for (const name of ctx.alternatives) {
        if (ctx.paired.empty) {
          break;
        }
        group.rows.push({
          kind: 'difference', scenario: name,
          cells: periods.map((date) => {
            const row = ctx.paired.at(name, service, metric, date);
            return row ? { date, mean: row.mean, lo: row.lo, hi: row.hi,
              certain: certain(row.lo, row.hi) } : { date };
          })
        });
      }
      table.push(group);
    }
    return { periods, groups: table, quiet };
  }

  // ---- The summary in words ----------------------------------------------------------------

  /** The year the summary speaks of: the first period after the last policy step, else the last. */
  function focusPeriod(ctx) {
    const periods = ctx.ts.periods;
    if (!periods.length) {
      return '';
    }
    let last = '';
    for (const scenario of ctx.scenarios) {
      for (const policy of scenario.policies || []) {
        last = policy.date > last ? policy.date : last;
      }
    }
    const after = periods.find((p) => p > last);
    return last && after ? after : periods[periods.length - 1];
  }

  /** Sentences a council member reads in a minute: [{text, certain}] per scenario. */
  function summary(ctx) {
    const date = focusPeriod(ctx);
    const out = { date, year: date ? ctx.periodLabel(date) : '', blocks: [] };
    if (!date) {
      return out;
    }
    const year = out.year;
    if (!ctx.alternatives.length || ctx.paired.empty) {
      for (const name of ctx.names) {
        const items = [];
        for (const metric of ['in_care', 'waiting', 'out_of_home', 'closed', 'closed_admissions',
          'cost']) {
          const row = ctx.ts.at(name, 'system', metric, date);
          if (!row || !isNumber(row.mean)) {
            continue;
          }
          const entry = ctx.outcome('system', metric);
          const interval = ctx.interval(row.lo, row.hi, entry.unit);
          items.push({
            text: t2(ctx, 'report_sum_level', { what: entry.label, value: ctx.value(row.mean,
              entry.unit), interval }), certain: null
          });
        }
        out.blocks.push({ scenario: name, kind: 'level', items });
      }
      return out;
    }
    for (const name of ctx.alternatives) {
      const items = [];
      const say = (service, metric, key, more, less, serviceName) => {
        const row = ctx.paired.at(name, service, metric, date);
        if (!row || !isNumber(row.mean)) {
          return;
        }
        const entry = ctx.outcome(service === 'system' ? 'system' : 'service', metric);
        const sure = certain(row.lo, row.hi);
        if (!sure) {
          const decimals = decimalsFor(Math.max(Math.abs(row.lo), Math.abs(row.hi)), entry.unit);
          const end = (v) => ctx.value(v, entry.unit, true).replace(
            amount(v, entry.unit, ctx.lang, true), amount(v, entry.unit, ctx.lang, true,
              decimals));
          items.push({
            certain: false,
            text: ctx.t('report_sum_unsure', {
              what: serviceName ? ctx.t('report_sum_wait_what', { service: serviceName })
                : entry.label, year, lo: end(row.lo), hi: end(row.hi)
            })
          });
          return;
        }
        const lo = Math.min(Math.abs(row.lo), Math.abs(row.hi));
        const hi = Math.max(Math.abs(row.lo), Math.abs(row.hi));
        const size = ctx.value(Math.abs(row.mean), entry.unit) + ' (' +
          ctx.interval(lo, hi, entry.unit) + ')';
        items.push({
          certain: true,
          text: ctx.t(key, { year, amount: size, dir: ctx.t(row.mean > 0 ? more : less),
            service: serviceName || '' })
        });
      };
      say('system', 'closed', 'report_sum_closed', 'report_more', 'report_fewer');
      say('system', 'closed_admissions', 'report_sum_closed_admissions', 'report_more',
        'report_fewer');
      say('system', 'cost', 'report_sum_cost', 'report_more_money', 'report_less_money');
      say('system', 'out_of_home', 'report_sum_out_of_home', 'report_more', 'report_fewer');
      say('system', 'waiting', 'report_sum_waiting', 'report_more', 'report_fewer');
      for (const service of ctx.services) {
        if (service.kind === 'placement' && !service.closed) {
          const metric = ctx.names.some((n) => ctx.ts.at(n, service.id, 'wait_to_care_days',
            date)) ? 'wait_to_care_days' : 'wait_days';
          const waits = ctx.names.some((n) => {
            const row = ctx.ts.at(n, service.id, metric, date);
            return row && isNumber(row.mean) && row.mean >= 0.5;
          });
          if (waits) {
            say(service.id, metric, 'report_sum_wait', 'report_longer', 'report_shorter',
              ctx.shortServiceLabel(service.id));
          }
        }
      }
      out.blocks.push({ scenario: name, kind: 'difference', items });
    }
    return out;
  }

  function t2(ctx, key, vars) {
    const text = ctx.t(key, vars);
    return vars.interval ? text : text.replace(/\s*\(\s*\)/, '');
  }

  // ---- Chart style -------------------------------------------------------------------------

  const SMALL = { width: 260, height: 170 };
  const WIDE = { width: 560, height: 220 };
  const FONT = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
  // Scenario colours: strong, distinguishable in print and for the common colour-vision
  // deficiencies (after Okabe and Ito), the base in blue.
  const SCENARIO_COLOURS = ['#1f5fa8', '#d55e00', '#009e73', '#8e44ad', '#e69f00', '#0b7285',
    '#cc79a7', '#495057'];
  // Services stacked in bars: twenty colours that stay apart (after Trubetskoy's list, the
  // palest darkened so that they show on white).
  const SERVICE_COLOURS = ['#4363d8', '#f58231', '#3cb44b', '#e6194b', '#911eb4', '#42a5c4',
    '#f032e6', '#9fbf2f', '#469990', '#9a6324', '#800000', '#808000', '#000075', '#e8a0b8',
    '#b39ddb', '#d4b000', '#5ec48a', '#e0a070', '#7f7f7f', '#222222'];

  /** Text broken at spaces into lines of at most WIDTH characters. */
  function wrap(text, width) {
    const lines = [];
    for (const paragraph of String(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + ' ' + word : word;
        }
      }
      lines.push(line);
    }
    return lines.length === 1 ? lines[0] : lines;
  }

  function baseSpec(ctx, title, subtitle, width, height) {
    // Vega sizes a chart to fit its title: wrap long titles at about the chart's width instead.
    const head = { text: wrap(title, Math.floor(width / 7.5)) };
    if (subtitle) {
      head.subtitle = wrap(subtitle, Math.floor(width / 5.8));
    }
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: head,
      width,
      height,
      config: {
        background: 'white',
        font: FONT,
        padding: 6,
        locale: LOCALES[ctx.lang],
        title: { anchor: 'start', fontSize: 13, fontWeight: 600, color: '#1b2430',
          subtitleFontSize: 11, subtitleColor: '#5b6573', offset: 10 },
        axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 500, titleColor: '#3b4450',
          labelColor: '#3b4450', gridColor: '#e9edf2', domainColor: '#9aa3ad',
          tickColor: '#9aa3ad' },
        legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', labelLimit: 0 },
        header: { labelFontSize: 12, labelFontWeight: 600 },
        view: { stroke: null }
      }
    };
  }

  /** One colour per scenario in every chart: one domain (the names in input order), one range. */
  function scenarioColour(ctx, shown) {
    const colour = {
      field: 'scenario', type: 'nominal',
      scale: { domain: ctx.names, range: ctx.names.map((_, i) =>
        SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) },
      title: ctx.t('report_scenario')
    };
    if (ctx.names.length <= 1) {
      colour.legend = null;
      return colour;
    }
    const listed = shown || ctx.names;
    colour.legend = { title: null, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 };
    if (shown) {
      colour.legend.values = shown;
    }
    // Side by side, long names would widen a small chart past its neighbours.
    if (listed.reduce((n, name) => n + name.length + 4, 0) > 40) {
      colour.legend.columns = 1;
    }
    return colour;
  }

  function scenarioColourOf(ctx, name) {
    const i = ctx.names.indexOf(name);
    return i < 0 ? '#1f5fa8' : SCENARIO_COLOURS[i % SCENARIO_COLOURS.length];
  }

  function serviceColour(labels) {
    const long = labels.some((label) => label.length > 38);
    return {
      field: 'service', type: 'nominal',
      scale: { domain: labels, range: labels.map((_, i) =>
        SERVICE_COLOURS[i % SERVICE_COLOURS.length]) },
      legend: { title: null, columns: long ? 1 : 2, labelLimit: 0 }
    };
  }

  function timeX(ctx) {
    const format = ctx.period === 'month' ? '%b %Y' : ctx.period === 'quarter' ? '%Y Q%q' : '%Y';
    return {
      field: 'date', type: 'temporal', scale: { type: 'utc' },
      title: ctx.t('report_axis_' + (ctx.period === 'month' || ctx.period === 'quarter'
        ? ctx.period : 'year')),
      axis: { format, labelAngle: 0, labelOverlap: true }
    };
  }

  /** The y axis title of UNIT: "jeugdigen", "dagen", "EUR mln". */
  function unitTitle(ctx, unit) {
    return ctx.t('report_unit_axis_' + unit);
  }

  /** A y encoding in UNIT; euros are labelled in millions, the one money notation of the page. */
  function yIn(ctx, field, unit, title, extra) {
    const y = Object.assign({ field, type: 'quantitative', title: title || unitTitle(ctx, unit) },
      extra || {});
    if (unit === 'euros') {
      y.axis = { labelExpr: "format(datum.value / 1e6, ',.3~f')" };
    } else if (unit === 'share') {
      y.axis = { format: '.0%' };
    }
    return y;
  }

  function zeroRule(channel) {
    return { data: { values: [{}] }, mark: { type: 'rule', color: '#5b6573', strokeWidth: 1 },
      encoding: { [channel]: { datum: 0 } } };
  }

  function verdict(ctx, sure) {
    return ctx.t(sure ? 'report_verdict_yes' : 'report_verdict_no');
  }

  const allZero = (values, fields) => values.every((v) =>
    fields.every((f) => !isNumber(v[f]) || v[f] === 0));

  // ---- Charts ------------------------------------------------------------------------------

  /**
   * A fan chart of SERVICE's METRIC: per scenario the median, the 50% and 90% bands across the
   * replications; null when timeseries.csv has no such series, {omitted} when it is all zero.
   */
  function fanChart(ctx, fan) {
    const unit = fan.unit;
    const values = [];
    let hasCapacity = false;
    for (const name of ctx.names) {
      const capacity = new Map();
      if (fan.withCapacity) {
        for (const row of ctx.ts.series(name, fan.service, 'capacity')) {
          if (isNumber(row.mean)) {
            capacity.set(row.date, row.mean);
          }
        }
      }
      for (const row of ctx.ts.series(name, fan.service, fan.metric)) {
        const value = {
          scenario: name, date: row.date, period: ctx.periodLabel(row.date),
          p05: row.p05, p25: row.p25, p50: row.p50, p75: row.p75, p95: row.p95, mean: row.mean,
          t_median: ctx.exact(row.p50, unit),
          t_band50: isNumber(row.p25) ? ctx.t('report_interval', { lo: ctx.exact(row.p25, unit),
            hi: ctx.exact(row.p75, unit) }) : '–',
          t_band90: isNumber(row.p05) ? ctx.t('report_interval', { lo: ctx.exact(row.p05, unit),
            hi: ctx.exact(row.p95, unit) }) : '–',
          t_mean: ctx.exact(row.mean, unit),
          t_ci95: isNumber(row.lo) ? ctx.t('report_interval', { lo: ctx.exact(row.lo, unit),
            hi: ctx.exact(row.hi, unit) }) : '–'
        };
        if (capacity.has(row.date)) {
          value.capacity = capacity.get(row.date);
          value.t_capacity = ctx.exact(value.capacity);
          hasCapacity = true;
        }
        values.push(value);
      }
    }
    if (!values.length) {
      return null;
    }
    if (allZero(values, ['p05', 'p25', 'p50', 'p75', 'p95', 'mean'])) {
      return { id: fan.id, title: fan.title, omitted: true };
    }
    const colour = scenarioColour(ctx);
    const x = timeX(ctx);
    const overlaid = ctx.names.length > 1;
    const tooltip = [];
    if (overlaid) {
      tooltip.push({ field: 'scenario', title: ctx.t('report_scenario') });
    }
    tooltip.push({ field: 'period', title: ctx.t('report_period') },
      { field: 't_median', title: ctx.t('report_tip_median') },
      { field: 't_band50', title: ctx.t('report_tip_band50') },
      { field: 't_band90', title: ctx.t('report_tip_band90') },
      { field: 't_mean', title: ctx.t('report_tip_mean') },
      { field: 't_ci95', title: ctx.t('report_tip_ci95') });
    if (hasCapacity) {
      tooltip.push({ field: 't_capacity', title: ctx.t('report_tip_capacity') });
    }
    const y = (field) => yIn(ctx, field, unit, fan.yTitle);
    const layers = [
      { mark: { type: 'area', opacity: overlaid ? 0.1 : 0.15 },
        encoding: { x, y: y('p05'), y2: { field: 'p95' }, color: colour } },
      { mark: { type: 'area', opacity: overlaid ? 0.2 : 0.3 },
        encoding: { x, y: y('p25'), y2: { field: 'p75' }, color: colour } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: y('p50'), color: colour } }
    ];
    if (hasCapacity) {
      layers.push({ mark: { type: 'line', strokeWidth: 1.5, strokeDash: [5, 3],
        interpolate: 'step-after' }, encoding: { x, y: y('capacity'), color: colour } });
    }
    layers.push({ mark: { type: 'point', filled: true, size: 26, opacity: 1 },
      encoding: { x, y: y('p50'), color: colour, tooltip } });
    if (isNumber(fan.reference)) {
      layers.push({ data: { values: [{}] },
        mark: { type: 'rule', color: '#b42318', strokeDash: [2, 3] },
        encoding: { y: { datum: fan.reference } } });
      layers.push({ data: { values: [{}] },
        mark: { type: 'text', color: '#b42318', align: 'right', baseline: 'bottom', dy: -2,
          fontSize: 10, text: fan.referenceLabel },
        encoding: { y: { datum: fan.reference }, x: { value: fan.width || SMALL.width } } });
    }
    const spec = baseSpec(ctx, fan.title, fan.subtitle, fan.width || SMALL.width,
      fan.height || SMALL.height);
    spec.data = { values };
    spec.layer = layers;
    return { id: fan.id, title: fan.title, spec };
  }

  function slug(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  /** A service's own wait norm (days) as the results give it, else the scenario's. */
  function serviceNorm(ctx, id) {
    const service = ctx.services.find((s) => s.id === id);
    return service && isNumber(service.wait_norm_days) ? service.wait_norm_days : waitNorm(ctx);
  }

  function waitNorm(ctx) {
    for (const scenario of ctx.scenarios) {
      if (isNumber(scenario.wait_norm_days)) {
        return scenario.wait_norm_days;
      }
    }
    return null;
  }

  /** Per service, fans of youths in care against capacity, the waiting list and the wait. */
  function serviceCharts(ctx) {
    const norm = waitNorm(ctx);
    const out = [];
    const key = ctx.t('report_band_key');
    for (const service of ctx.services) {
      const id = slug(service.id);
      const name = ctx.shortServiceLabel(service.id);
      const fans = [
        { id: 'service-' + id + '-occupancy', title: ctx.t('report_chart_occupancy', { name }),
          subtitle: ctx.t('report_band_key_capacity'), unit: 'youths', service: service.id,
          metric: 'occupancy', withCapacity: true },
        { id: 'service-' + id + '-waiting-list', title: ctx.t('report_chart_waiting_list',
          { name }), subtitle: key, unit: 'youths', service: service.id, metric: 'queue_length' },
        { id: 'service-' + id + '-wait-to-care', title: ctx.t('report_chart_wait_to_care',
          { name }), subtitle: ctx.t('report_band_key_wait'), unit: 'days', service: service.id,
          metric: 'wait_to_care_days', reference: serviceNorm(ctx, service.id),
          referenceLabel: isNumber(serviceNorm(ctx, service.id)) ? ctx.t('report_norm_label',
            { days: exact(serviceNorm(ctx, service.id), ctx.lang) }) : '' },
        { id: 'service-' + id + '-wait', title: ctx.t('report_chart_wait', { name }),
          subtitle: ctx.t('report_band_key_wait'), unit: 'days', service: service.id,
          metric: 'wait_days', reference: norm,
          referenceLabel: isNumber(norm) ? ctx.t('report_norm_label', { days: exact(norm,
            ctx.lang) }) : '' }
      ];
      for (const fan of fans) {
        const chart = fanChart(ctx, fan);
        if (chart) {
          out.push(Object.assign(chart, { section: 'services', group: service.id }));
        }
      }
    }
    return out;
  }

  /** Bars per period stacked by service (means across replications), one panel per scenario. */
  function stackedByService(ctx, id, title, subtitle, metric, services) {
    const unit = ctx.outcome('service', metric).unit;
    // In a multi-region landscape the services of one role (pleegzorg in every region) make
    // one stack: eight regions' foster care side by side would be a legend nobody can read.
    const groups = [];
    for (const service of services) {
      const label = service.role ? ctx.t('report_all_regions', { role: service.role })
        : ctx.shortServiceLabel(service.id);
      let group = groups.find((g) => g.label === label);
      if (!group) {
        group = { label, members: [] };
        groups.push(group);
      }
      group.members.push(service);
    }
    const values = [];
    const labels = [];
    for (const group of groups) {
      let seen = false;
      for (const name of ctx.names) {
        // Per period the sum of the members' means; an interval only for a single member (the
        // interval of a sum needs covariances the results do not hold).
        const byPeriod = new Map();
        for (const service of group.members) {
          for (const row of ctx.ts.series(name, service.id, metric)) {
            if (!isNumber(row.mean)) {
              continue;
            }
            const cell = byPeriod.get(row.date);
            if (cell) {
              cell.sum += row.mean;
              cell.single = null;
            } else {
              byPeriod.set(row.date, { sum: row.mean, single: row });
            }
          }
        }
        for (const [date, cell] of Array.from(byPeriod.entries()).sort()) {
          if (cell.sum !== 0) {
            seen = true;
          }
          values.push({
            scenario: name, period: ctx.periodLabel(date), date, service: group.label,
            mean: cell.sum, t_mean: ctx.exact(cell.sum, unit),
            t_ci95: cell.single && isNumber(cell.single.lo) ? ctx.t('report_interval', {
              lo: ctx.exact(cell.single.lo, unit), hi: ctx.exact(cell.single.hi, unit) }) : '–'
          });
        }
      }
      if (seen) {
        labels.push(group.label);
      }
    }
    return stackedBars(ctx, id, title, subtitle, unit, values, labels);
  }

  /**
   * The system's cost per period split as contracts are written: occupied places, empty
   * contracted places, fixed cost; only when some scenario pays for empty places or a fixed cost.
   */
  function costSplitChart(ctx, id, title, subtitle) {
    const parts = ['cost_occupied', 'cost_vacant', 'cost_fixed'];
    const paid = (metric) => ctx.names.some((name) => ctx.ts.series(name, 'system', metric)
      .some((row) => isNumber(row.mean) && row.mean > 0));
    if (!paid('cost_vacant') && !paid('cost_fixed')) {
      return null;
    }
    const values = [];
    const labels = [];
    for (const metric of parts) {
      const label = ctx.outcome('system', metric).label;
      if (paid(metric)) {
        labels.push(label);
      }
      for (const name of ctx.names) {
        for (const row of ctx.ts.series(name, 'system', metric)) {
          if (!isNumber(row.mean)) {
            continue;
          }
          values.push({
            scenario: name, period: ctx.periodLabel(row.date), date: row.date, service: label,
            mean: row.mean, t_mean: ctx.exact(row.mean, 'euros'),
            t_ci95: isNumber(row.lo) && isNumber(row.hi) ? ctx.t('report_interval', {
              lo: ctx.exact(row.lo, 'euros'), hi: ctx.exact(row.hi, 'euros') }) : '–'
          });
        }
      }
    }
    return stackedBars(ctx, id, title, subtitle, 'euros', values, labels);
  }

  /** Bars per period stacked by `service` (a label in LABELS), a panel per scenario. */
  function stackedBars(ctx, id, title, subtitle, unit, values, labels) {
    if (!values.length) {
      return null;
    }
    if (!labels.length) {
      return { id, title, omitted: true };
    }
    const shown = values.filter((v) => labels.includes(v.service));
    const panels = ctx.names.length > 1;
    const width = panels ? Math.floor(WIDE.width / ctx.names.length) : WIDE.width;
    const spec = baseSpec(ctx, title, subtitle, width, WIDE.height);
    const tooltip = [];
    if (panels) {
      tooltip.push({ field: 'scenario', title: ctx.t('report_scenario') });
    }
    tooltip.push({ field: 'period', title: ctx.t('report_period') },
      { field: 'service', title: ctx.t('report_service') },
      { field: 't_mean', title: ctx.t('report_tip_mean') },
      { field: 't_ci95', title: ctx.t('report_tip_ci95') });
    spec.data = { values: shown };
    spec.mark = { type: 'bar', stroke: 'white', strokeWidth: 0.5 };
    spec.encoding = {
      x: { field: 'period', type: 'ordinal', sort: { field: 'date' },
        title: ctx.t('report_axis_' + (ctx.period === 'month' || ctx.period === 'quarter'
          ? ctx.period : 'year')), axis: { labelAngle: 0, labelOverlap: true } },
      y: yIn(ctx, 'mean', unit, null, { stack: 'zero' }),
      color: serviceColour(labels),
      order: { field: 'service_order' },
      tooltip
    };
    // Stack in the legend's order, the first service at the bottom.
    spec.transform = [{ calculate: 'indexof(' + JSON.stringify(labels) + ', datum.service)',
      as: 'service_order' }];
    if (panels) {
      spec.encoding.column = { field: 'scenario', type: 'nominal', sort: ctx.names, title: null };
    }
    return { id, title, spec };
  }

  /** The whole system over time, admissions to placements and cost per period. */
  function systemCharts(ctx) {
    const out = [];
    const key = ctx.t('report_band_key');
    for (const metric of ['in_care', 'waiting', 'out_of_home', 'closed', 'closed_admissions']) {
      const entry = ctx.outcome('system', metric);
      const chart = fanChart(ctx, { id: 'system-' + slug(metric), title: entry.label,
        subtitle: key, unit: entry.unit, service: 'system', metric });
      if (chart) {
        out.push(Object.assign(chart, { section: 'system' }));
      }
    }
    const per = ctx.period === 'month' || ctx.period === 'quarter' ? ctx.period : 'year';
    const placements = ctx.services.filter((s) => !s.kind || s.kind === 'placement');
    const admissions = stackedByService(ctx, 'admissions-per-' + per,
      ctx.t('report_chart_admissions_' + per), ctx.t('report_mean_by_placement'), 'admissions',
      placements);
    if (admissions) {
      out.push(Object.assign(admissions, { section: 'per-year' }));
    }
    const cost = fanChart(ctx, { id: 'cost-per-' + per, title: ctx.t('report_chart_cost_' + per),
      subtitle: ctx.t('report_band_key_all_services'), unit: 'euros', service: 'system',
      metric: 'cost', width: WIDE.width, height: WIDE.height });
    if (cost) {
      out.push(Object.assign(cost, { section: 'per-year' }));
    }
    const byService = stackedByService(ctx, 'cost-per-' + per + '-by-service',
      ctx.t('report_chart_cost_by_service_' + per), ctx.t('report_mean_over_replications'),
      'cost', ctx.services);
    if (byService) {
      out.push(Object.assign(byService, { section: 'per-year' }));
    }
    const split = costSplitChart(ctx, 'cost-per-' + per + '-by-kind',
      ctx.t('report_chart_cost_by_kind_' + per), ctx.t('report_cost_by_kind_key'));
    if (split) {
      out.push(Object.assign(split, { section: 'per-year' }));
    }
    return out;
  }

  /** The outcomes of the whole horizon, per scenario (summary.json), in reading order. */
  function headlineOutcomes(ctx) {
    const found = (service, metric) => ctx.scenarios.some((s) => {
      const owner = service === 'system' ? s.system : (s.services || {})[service];
      return owner && owner[metric] && typeof owner[metric] === 'object';
    });
    const out = [];
    const add = (service, metric, lowerIsBetter) => {
      if (!found(service, metric)) {
        return;
      }
      const entry = ctx.outcome(service === 'system' ? 'system' : 'service', metric);
      out.push({
        id: service === 'system' ? 'system-' + slug(metric)
          : (metric === 'wait_days' ? 'wait-' : slug(metric) + '-') + slug(service),
        service, metric, unit: entry.unit, lowerIsBetter,
        label: service === 'system' ? entry.label : entry.label + ': ' + ctx.serviceLabel(service),
        definition: entry.definition
      });
    };
    add('system', 'arrivals', false);
    add('system', 'waiting', true);
    add('system', 'wait_to_care_days', true);
    for (const service of ctx.services) {
      if (someoneWaits(ctx, service.id, 'wait_to_care_days')) {
        add(service.id, 'wait_to_care_days', true);
      }
      if (someoneWaits(ctx, service.id)) {
        add(service.id, 'wait_days', true);
      }
    }
    for (const metric of ['out_of_home', 'closed', 'closed_admissions', 'replacements',
      'replacements_per_youth', 'reentries', 'cost']) {
      add('system', metric, true);
    }
    return out;
  }

  /** An estimate {mean, ci95, p50, p90} of OUTCOME in a scenario's or difference's metrics. */
  function estimate(owner, outcome) {
    const metrics = outcome.service === 'system' ? owner.system
      : (owner.services || {})[outcome.service];
    const e = metrics && metrics[outcome.metric];
    if (!e || typeof e !== 'object') {
      return null;
    }
    const ci = Array.isArray(e.ci95) ? e.ci95 : [null, null];
    return { mean: e.mean, lo: ci[0], hi: ci[1], p50: e.p50, p90: e.p90 };
  }

  /** Whether anyone waited for SERVICE: a mean wait of half a day or more, or a p90 of a day. */
  function someoneWaits(ctx, service, metric) {
    return ctx.scenarios.some((s) => {
      const e = estimate(s, { service, metric: metric || 'wait_days' });
      return !!e && ((isNumber(e.mean) && e.mean >= 0.5) || (isNumber(e.p90) && e.p90 >= 1));
    });
  }

  /** A comparison's dot-and-whisker chart of the paired differences per outcome, in % of base. */
  function differenceCharts(ctx) {
    const diffs = ctx.data.differences || [];
    if (!ctx.data.is_comparison || !diffs.length || !ctx.scenarios.length) {
      return [];
    }
    const base = ctx.scenarios[0];
    const values = [];
    const labels = [];
    for (const outcome of headlineOutcomes(ctx)) {
      const b = estimate(base, outcome);
      if (!b || !isNumber(b.mean) || b.mean === 0) {
        continue; // a relative difference needs a base to be relative to
      }
      let any = false;
      for (const difference of diffs) {
        const d = estimate(difference, outcome);
        if (!d || !isNumber(d.mean) || !isNumber(d.lo) || !isNumber(d.hi)) {
          continue;
        }
        any = true;
        const pct = (v) => (100 * v) / Math.abs(b.mean);
        values.push({
          outcome: outcome.label, scenario: difference.alternative,
          pct: pct(d.mean), pct_lo: pct(d.lo), pct_hi: pct(d.hi),
          t_difference: ctx.value(d.mean, outcome.unit, true),
          t_ci95: ctx.interval(d.lo, d.hi, outcome.unit, true),
          t_percent: fixed(pct(d.mean), 1, ctx.lang) + '% (' + ctx.t('report_interval', {
            lo: fixed(pct(d.lo), 1, ctx.lang) + '%', hi: fixed(pct(d.hi), 1, ctx.lang) + '%' }) +
            ')',
          t_base: ctx.value(b.mean, outcome.unit),
          t_verdict: verdict(ctx, certain(d.lo, d.hi))
        });
      }
      if (any) {
        labels.push(outcome.label);
      }
    }
    if (!values.length) {
      return [];
    }
    const colour = scenarioColour(ctx, ctx.alternatives);
    const y = { field: 'outcome', type: 'nominal', sort: labels, title: null,
      axis: { labelLimit: 0, grid: true, tickBand: 'extent' } };
    const tooltip = [
      { field: 'outcome', title: ctx.t('report_outcome') },
      { field: 'scenario', title: ctx.t('report_alternative') },
      { field: 't_difference', title: ctx.t('report_difference') },
      { field: 't_ci95', title: ctx.t('report_tip_interval') },
      { field: 't_percent', title: ctx.t('report_tip_percent_of_base') },
      { field: 't_base', title: ctx.t('report_tip_base', { name: base.name }) },
      { field: 't_verdict', title: ctx.t('report_tip_certain') }
    ];
    const encoding = { y, color: colour };
    if (diffs.length > 1) {
      encoding.yOffset = { field: 'scenario', sort: ctx.names };
    }
    const xTitle = ctx.t('report_axis_percent_of_base', { name: base.name });
    const whisker = Object.assign({}, encoding, {
      x: { field: 'pct_lo', type: 'quantitative', title: xTitle }, x2: { field: 'pct_hi' },
      tooltip });
    const dot = Object.assign({}, encoding, {
      x: { field: 'pct', type: 'quantitative', title: xTitle }, tooltip });
    const rows = labels.length * diffs.length;
    const title = ctx.t('report_chart_differences', { name: base.name });
    const spec = baseSpec(ctx, title, ctx.t('report_chart_differences_key'), 420,
      Math.max(80, rows * 24));
    spec.data = { values };
    spec.layer = [zeroRule('x'),
      { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: whisker },
      { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: dot }];
    return [{ id: 'differences', title, spec, section: 'differences' }];
  }

  /** Per period, each alternative minus the base: paired with its interval (differences.csv). */
  function differenceOverTimeCharts(ctx) {
    if (!ctx.data.is_comparison || ctx.names.length < 2 || ctx.ts.empty) {
      return [];
    }
    const paired = !ctx.paired.empty;
    const out = [];
    for (const metric of ['waiting', 'out_of_home', 'closed', 'closed_admissions',
      'replacements', 'reentries', 'cost']) {
      const entry = ctx.outcome('system', metric);
      const unit = entry.unit;
      const values = [];
      for (const name of ctx.alternatives) {
        if (paired) {
          for (const row of ctx.paired.series(name, 'system', metric)) {
            if (!isNumber(row.mean)) {
              continue;
            }
            const value = { scenario: name, date: row.date, period: ctx.periodLabel(row.date),
              difference: row.mean, t_difference: ctx.value(row.mean, unit, true) };
            if (isNumber(row.lo) && isNumber(row.hi)) {
              value.lo = row.lo;
              value.hi = row.hi;
              value.t_ci95 = ctx.interval(row.lo, row.hi, unit, true);
              value.t_verdict = verdict(ctx, certain(row.lo, row.hi));
            }
            values.push(value);
          }
          continue;
        }
        const baseMeans = new Map();
        for (const row of ctx.ts.series(ctx.base, 'system', metric)) {
          if (isNumber(row.mean)) {
            baseMeans.set(row.date, row.mean);
          }
        }
        for (const row of ctx.ts.series(name, 'system', metric)) {
          if (!isNumber(row.mean) || !baseMeans.has(row.date)) {
            continue;
          }
          const difference = row.mean - baseMeans.get(row.date);
          values.push({ scenario: name, date: row.date, period: ctx.periodLabel(row.date),
            difference, t_difference: ctx.value(difference, unit, true),
            t_alternative: ctx.value(row.mean, unit), t_base: ctx.value(baseMeans.get(row.date),
              unit) });
        }
      }
      if (!values.length) {
        continue;
      }
      const title = ctx.t('report_chart_difference_in', { what: entry.label });
      if (allZero(values, ['difference', 'lo', 'hi'])) {
        out.push({ id: 'difference-over-time-' + slug(metric), title, omitted: true,
          section: 'differences-over-time' });
        continue;
      }
      const x = timeX(ctx);
      const y = yIn(ctx, 'difference', unit, ctx.t('report_axis_difference', {
        unit: unitTitle(ctx, unit) }));
      const tooltip = [{ field: 'scenario', title: ctx.t('report_alternative') },
        { field: 'period', title: ctx.t('report_period') }];
      if (paired) {
        tooltip.push({ field: 't_difference', title: ctx.t('report_tip_paired_mean') },
          { field: 't_ci95', title: ctx.t('report_tip_interval') },
          { field: 't_verdict', title: ctx.t('report_tip_certain') });
      } else {
        tooltip.push({ field: 't_difference', title: ctx.t('report_tip_difference_of_means') },
          { field: 't_alternative', title: ctx.t('report_tip_alternative_mean') },
          { field: 't_base', title: ctx.t('report_tip_base', { name: ctx.base }) });
      }
      const colour = scenarioColour(ctx, ctx.alternatives);
      const spec = baseSpec(ctx, title, paired ? ctx.t('report_paired_key', { name: ctx.base })
        : ctx.t('report_unpaired_key', { name: ctx.base }), SMALL.width, SMALL.height);
      spec.data = { values };
      const layers = [zeroRule('y')];
      if (paired) {
        layers.push({ mark: { type: 'area', opacity: 0.2 }, encoding: { x,
          y: Object.assign({}, y, { field: 'lo' }), y2: { field: 'hi' }, color: colour } });
      }
      layers.push({ mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: colour } });
      layers.push({ mark: { type: 'point', filled: true, size: 26, opacity: 1 },
        encoding: { x, y, color: colour, tooltip } });
      spec.layer = layers;
      out.push({ id: 'difference-over-time-' + slug(metric), title, spec,
        section: 'differences-over-time' });
    }
    return out;
  }

  /** Region colours: one domain in input order, so a region keeps its colour in every chart. */
  function regionColour(ctx) {
    return { field: 'region', type: 'nominal',
      scale: { domain: ctx.regions.map((r) => r.name), scheme: 'tableau10' },
      legend: { title: null, orient: 'right', labelLimit: 0 } };
  }

  function regionCharts(ctx) {
    const out = [];
    if (!ctx.regions.length) {
      return out;
    }
    const key = ctx.t('report_region_key');
    for (const metric of ['in_care', 'out_of_home', 'shared_wait_days', 'cost']) {
      const entry = ctx.outcome('region', metric);
      const values = [];
      for (const region of ctx.regions) {
        for (const name of ctx.names) {
          for (const row of ctx.ts.series(name, 'region:' + region.id, metric)) {
            if (!isNumber(row.mean)) {
              continue;
            }
            values.push({ scenario: name, region: region.name, date: row.date,
              period: ctx.periodLabel(row.date), mean: row.mean,
              t_mean: ctx.exact(row.mean, entry.unit),
              t_ci95: isNumber(row.lo) ? ctx.t('report_interval', {
                lo: ctx.exact(row.lo, entry.unit), hi: ctx.exact(row.hi, entry.unit) }) : '–' });
          }
        }
      }
      if (!values.length) {
        continue;
      }
      const id = 'region-' + slug(metric === 'shared_wait_days' ? 'shared_wait' : metric);
      const title = ctx.t('report_chart_per_region', { what: entry.label });
      if (allZero(values, ['mean'])) {
        out.push({ id, title, omitted: true, section: 'regions' });
        continue;
      }
      const panels = ctx.names.length > 1;
      const width = panels ? Math.floor(WIDE.width / ctx.names.length) : WIDE.width;
      const spec = baseSpec(ctx, title, key, width, WIDE.height);
      const tooltip = [];
      if (panels) {
        tooltip.push({ field: 'scenario', title: ctx.t('report_scenario') });
      }
      tooltip.push({ field: 'region', title: ctx.t('report_region') },
        { field: 'period', title: ctx.t('report_period') },
        { field: 't_mean', title: ctx.t('report_tip_mean') },
        { field: 't_ci95', title: ctx.t('report_tip_ci95') });
      spec.data = { values };
      spec.mark = { type: 'line', point: true, strokeWidth: 1.5 };
      spec.encoding = { x: timeX(ctx), y: yIn(ctx, 'mean', entry.unit), color: regionColour(ctx),
        tooltip };
      if (panels) {
        spec.encoding.column = { field: 'scenario', type: 'nominal', sort: ctx.names,
          title: null };
      }
      out.push({ id, title, spec, section: 'regions' });
    }
    if (!ctx.data.is_comparison || ctx.paired.empty) {
      return out;
    }
    for (const alternative of ctx.alternatives) {
      for (const metric of ['closed', 'out_of_home', 'shared_wait_days', 'cost']) {
        const entry = ctx.outcome('region', metric);
        const values = [];
        for (const region of ctx.regions) {
          for (const row of ctx.paired.series(alternative, 'region:' + region.id, metric)) {
            if (!isNumber(row.mean)) {
              continue;
            }
            const interval = isNumber(row.lo) && isNumber(row.hi);
            const clear = interval && certain(row.lo, row.hi);
            values.push({ region: region.name, date: row.date, period: ctx.periodLabel(row.date),
              difference: row.mean, clear, t_difference: ctx.value(row.mean, entry.unit, true),
              t_ci95: interval ? ctx.interval(row.lo, row.hi, entry.unit, true) : '–',
              t_verdict: verdict(ctx, clear) });
          }
        }
        if (!values.length) {
          continue;
        }
        const id = 'region-difference-' + slug(metric) + '-' + slug(alternative);
        const title = ctx.t('report_chart_region_change', { what: entry.label, alternative,
          base: ctx.base });
        if (allZero(values, ['difference'])) {
          out.push({ id, title, omitted: true, section: 'regions' });
          continue;
        }
        const spec = baseSpec(ctx, title, ctx.t('report_region_change_key'), WIDE.width,
          WIDE.height);
        const x = timeX(ctx);
        const y = yIn(ctx, 'difference', entry.unit, ctx.t('report_axis_difference', {
          unit: unitTitle(ctx, entry.unit) }));
        const colour = regionColour(ctx);
        const tooltip = [{ field: 'region', title: ctx.t('report_region') },
          { field: 'period', title: ctx.t('report_period') },
          { field: 't_difference', title: ctx.t('report_tip_paired_mean') },
          { field: 't_ci95', title: ctx.t('report_tip_interval') },
          { field: 't_verdict', title: ctx.t('report_tip_certain') }];
        const layers = [zeroRule('y'), { mark: { type: 'line', strokeWidth: 1.5 },
          encoding: { x, y, color: colour } }];
        // A layer whose filter leaves nothing has an empty extent, which Vega reports.
        for (const filled of [true, false]) {
          if (values.some((v) => v.clear === filled)) {
            layers.push({ transform: [{ filter: filled ? 'datum.clear' : '!datum.clear' }],
              mark: { type: 'point', filled, size: 36, opacity: 1 },
              encoding: { x, y, color: colour, tooltip } });
          }
        }
        spec.data = { values };
        spec.layer = layers;
        out.push({ id, title, spec, section: 'regions' });
      }
    }
    return out;
  }

  // ---- Municipalities ----------------------------------------------------------------------

  /**
   * Per municipality and year: the cost per youth aged 0-17 as a heat map (one row per
   * municipality, one column per year), and for a comparison the paired difference in cost
   * per municipality and year. A heat map stays readable for Westfriesland's 7 municipalities
   * and for Noord-Holland's 45 alike, where 45 lines would be a tangle; per youth, so that the
   * colours compare Opmeer with Hoorn and not only their sizes (the tables give the euros).
   */
  function municipalityCharts(ctx) {
    const out = [];
    const towns = ctx.municipalities;
    if (!towns.length) {
      return out;
    }
    const labelled = towns.length <= 12; // numbers in the cells only while they fit
    const height = Math.max(towns.length * (labelled ? 26 : 16), 60);
    const y = { field: 'municipality', type: 'nominal', sort: towns.map((m) => m.name),
      title: null, axis: { labelLimit: 0 } };
    const x = { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: 0 },
      sort: null };
    const cost = ctx.outcome('municipality', 'cost');
    for (const name of ctx.data.is_comparison ? [ctx.base] : ctx.names) {
      const values = [];
      for (const m of towns) {
        if (!isNumber(m.youths) || m.youths <= 0) {
          continue;
        }
        for (const row of ctx.ts.series(name, 'municipality:' + m.id, 'cost')) {
          if (!isNumber(row.mean)) {
            continue;
          }
          const perYouth = row.mean / m.youths;
          values.push({ municipality: m.name, period: ctx.periodLabel(row.date), per_youth: perYouth,
            t_per_youth: '€\u00a0' + exact(Math.round(perYouth), ctx.lang),
            t_label: exact(Math.round(perYouth), ctx.lang), t_cost: ctx.value(row.mean, 'euros'),
            t_ci95: isNumber(row.lo) ? ctx.interval(row.lo, row.hi, 'euros') : '–' });
        }
      }
      if (!values.length) {
        continue;
      }
      const id = 'municipality-cost-per-youth-' + slug(name);
      const title = ctx.t('report_chart_cost_per_youth', { scenario: name });
      if (allZero(values, ['per_youth'])) {
        out.push({ id, title, omitted: true, section: 'municipalities' });
        continue;
      }
      const spec = baseSpec(ctx, title, ctx.t('report_chart_cost_per_youth_key'), WIDE.width,
        height);
      const tooltip = [{ field: 'municipality', title: ctx.t('report_municipality') },
        { field: 'period', title: ctx.t('report_period') },
        { field: 't_per_youth', title: ctx.t('report_cost_per_youth') },
        { field: 't_cost', title: cost.label },
        { field: 't_ci95', title: ctx.t('report_tip_ci95') }];
      spec.data = { values };
      const layers = [{ mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: { x, y, tooltip, color: { field: 'per_youth', type: 'quantitative',
          scale: { range: ['#eef3f9', '#2a62a8'], zero: true }, legend: { title: ctx.t('report_cost_per_youth'),
            orient: 'right', format: ',.0f' } } } }];
      if (labelled) {
        layers.push({ mark: { type: 'text', fontSize: 10 }, encoding: { x, y, tooltip,
          text: { field: 't_label' },
          color: { condition: { test: 'datum.per_youth > 0.6 * ' + Math.max(...values.map(
            (v) => v.per_youth)), value: 'white' }, value: '#1b2430' } } });
      }
      spec.layer = layers;
      out.push({ id, title, spec, section: 'municipalities' });
    }
    if (!ctx.data.is_comparison || ctx.paired.empty) {
      return out;
    }
    for (const alternative of ctx.alternatives) {
      const values = [];
      for (const m of towns) {
        for (const row of ctx.paired.series(alternative, 'municipality:' + m.id, 'cost')) {
          if (!isNumber(row.mean)) {
            continue;
          }
          const interval = isNumber(row.lo) && isNumber(row.hi);
          const clear = interval && certain(row.lo, row.hi);
          values.push({ municipality: m.name, period: ctx.periodLabel(row.date),
            difference: row.mean, mln: row.mean / 1e6, clear, t_difference: ctx.value(row.mean, 'euros', true),
            t_label: (clear ? '● ' : '') + amount(row.mean, 'euros', ctx.lang, true),
            t_ci95: interval ? ctx.interval(row.lo, row.hi, 'euros', true) : '–',
            t_verdict: verdict(ctx, clear) });
        }
      }
      if (!values.length) {
        continue;
      }
      const id = 'municipality-cost-difference-' + slug(alternative);
      const title = ctx.t('report_chart_municipality_change', { alternative, base: ctx.base });
      if (allZero(values, ['difference'])) {
        out.push({ id, title, omitted: true, section: 'municipalities' });
        continue;
      }
      const spec = baseSpec(ctx, title, ctx.t('report_municipality_change_key'), WIDE.width,
        height);
      const reach = Math.max(...values.map((v) => Math.abs(v.difference))) || 1;
      const tooltip = [{ field: 'municipality', title: ctx.t('report_municipality') },
        { field: 'period', title: ctx.t('report_period') },
        { field: 't_difference', title: ctx.t('report_tip_paired_mean') },
        { field: 't_ci95', title: ctx.t('report_tip_interval') },
        { field: 't_verdict', title: ctx.t('report_tip_certain') }];
      spec.data = { values };
      // The colour is the difference; a certain one (its interval excludes 0) gets a dark
      // frame and a dot, so that what chance alone could give does not look like a finding.
      const layers = [{ mark: { type: 'rect' },
        encoding: { x, y, tooltip,
          color: { field: 'mln', type: 'quantitative',
            scale: { scheme: 'redblue', reverse: true, domain: [-reach / 1e6, reach / 1e6] },
            legend: { title: ctx.t('report_axis_difference', { unit: unitTitle(ctx, 'euros') }),
              orient: 'right', format: ',.2f' } },
          stroke: { condition: { test: 'datum.clear', value: '#1b2430' }, value: 'white' },
          strokeWidth: { condition: { test: 'datum.clear', value: 2 }, value: 1 } } }];
      if (labelled) {
        layers.push({ mark: { type: 'text', fontSize: 10 }, encoding: { x, y, tooltip,
          text: { field: 't_label' },
          color: { condition: { test: 'abs(datum.difference) > 0.6 * ' + reach,
            value: 'white' }, value: '#1b2430' } } });
      }
      spec.layer = layers;
      out.push({ id, title, spec, section: 'municipalities' });
    }
    return out;
  }

  // ---- Sizing ------------------------------------------------------------------------------

  /** sizing.json read leniently: the sized service, target, capacity, plan and curve. */
  function readSizing(ctx) {
    const json = ctx.data.sizing;
    if (!json || typeof json !== 'object') {
      return null;
    }
    const targetText = typeof json.target === 'string' ? json.target : '';
    const [what = '', comparison = '', valueText = ''] = targetText.split(/\s+/);
    const [metric, statistic = ''] = what.split('.');
    const value = Number(valueText);
    const est = (point, key) => {
      const e = point[key];
      return e && typeof e === 'object' ? { mean: e.mean, lo: (e.ci95 || [])[0],
        hi: (e.ci95 || [])[1], p50: e.p50, p90: e.p90 } : {};
    };
    // A target check of sizing.json: its figure, interval, verdict and replications.
    const check = (c) => c && typeof c === 'object' ? { mean: c.mean, lo: (c.ci95 || [])[0],
      hi: (c.ci95 || [])[1], threshold: c.threshold, verdict: c.verdict || '',
      replications: c.replications } : null;
    const curve = (Array.isArray(json.curve) ? json.curve : [])
      .filter((p) => p && isNumber(p.capacity))
      .map((p) => ({ capacity: p.capacity, meets: !!p.meets, wait: est(p, 'wait_days'),
        utilization: est(p, 'utilization'), cost: est(p, 'cost'), target: check(p.target) }))
      .sort((a, b) => a.capacity - b.capacity);
    return {
      service: json.service || '',
      scenario: json.scenario || ctx.base,
      target: { text: targetText, metric: json.metric || metric,
        statistic: json.statistic || statistic, comparison,
        value: valueText !== '' && isFinite(value) ? value : null,
        rule: typeof json.rule === 'string' ? json.rule : '' },
      capacity: isNumber(json.capacity) ? json.capacity : null,
      tooClose: (Array.isArray(json.too_close) ? json.too_close : []).filter(isNumber),
      planKind: typeof json.plan_kind === 'string' ? json.plan_kind : 'per-period',
      countTarget: !!json.count_target,
      planWhole: check(json.plan_whole_horizon),
      plan: (Array.isArray(json.plan) ? json.plan : []).filter((s) => s && typeof s === 'object')
        .map((s) => ({ date: s.period_start || '', capacity: s.capacity,
          measured: s.measured !== false, target: check(s.target) })),
      achieved: json.achieved && typeof json.achieved === 'object' ? json.achieved : {},
      curve
    };
  }

  function sizingCharts(ctx) {
    const sizing = readSizing(ctx);
    if (!sizing) {
      return [];
    }
    const name = ctx.shortServiceLabel(sizing.service);
    const meets = ctx.t('report_meets');
    const misses = ctx.t('report_misses');
    const meetsColour = { field: 'verdict', type: 'nominal',
      scale: { domain: [meets, misses], range: ['#2b8a3e', '#b42318'] }, legend: { title: null } };
    const estimateText = (e, unit) => (!isNumber(e.mean) ? '–' : !isNumber(e.lo)
      ? ctx.exact(e.mean, unit) : ctx.exact(e.mean, unit) + ' (' + ctx.t('report_interval', {
        lo: ctx.exact(e.lo, unit), hi: ctx.exact(e.hi, unit) }) + ')');
    const values = sizing.curve.map((p) => ({
      capacity: p.capacity, verdict: p.meets ? meets : misses,
      wait_mean: isNumber(p.wait.mean) ? p.wait.mean : null,
      // A wait is never negative; a Student-t interval of few replications can be.
      wait_lo: isNumber(p.wait.lo) ? Math.max(0, p.wait.lo) : null,
      wait_hi: isNumber(p.wait.hi) ? p.wait.hi : null,
      // Nobody admitted (no mean wait): the pooled quantiles of no waits say nothing either.
      wait_p90: isNumber(p.wait.mean) && isNumber(p.wait.p90) ? p.wait.p90 : null,
      cost_mean: isNumber(p.cost.mean) ? p.cost.mean : null,
      cost_lo: isNumber(p.cost.lo) ? p.cost.lo : null,
      cost_hi: isNumber(p.cost.hi) ? p.cost.hi : null,
      t_wait: estimateText(p.wait, 'days'),
      t_p50: isNumber(p.wait.mean) ? ctx.exact(p.wait.p50) : '–',
      t_p90: isNumber(p.wait.mean) ? ctx.exact(p.wait.p90) : '–',
      t_utilization: estimateText(p.utilization, 'share'),
      t_cost: estimateText(p.cost, 'euros')
    }));
    const tooltip = [
      { field: 'capacity', title: ctx.t('report_tip_capacity') },
      { field: 'verdict', title: ctx.t('report_tip_target') },
      { field: 't_wait', title: ctx.t('report_tip_mean_wait') },
      { field: 't_p50', title: ctx.t('report_tip_median_wait') },
      { field: 't_p90', title: ctx.t('report_tip_p90_wait') },
      { field: 't_utilization', title: ctx.t('report_tip_utilization') },
      { field: 't_cost', title: ctx.t('report_tip_cost') }
    ];
    const x = { field: 'capacity', type: 'quantitative', title: ctx.t('report_axis_capacity'),
      scale: { zero: false, nice: false, padding: 12 }, axis: { tickMinStep: 1, format: 'd' } };
    const width = WIDE.width / 2 + 80;
    const chosen = (top) => ({
      data: { values: [{ capacity: sizing.capacity }] },
      layer: [
        { mark: { type: 'rule', color: '#3b4450', strokeDash: [4, 3] },
          encoding: { x: { field: 'capacity', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', baseline: top ? 'top' : 'bottom', dx: 4,
          dy: top ? 2 : -2, fontSize: 10, color: '#3b4450',
          text: ctx.t('report_smallest_that_meets', { capacity: exact(sizing.capacity,
            ctx.lang) }) },
        encoding: { x: { field: 'capacity', type: 'quantitative' },
          y: { value: top ? 0 : WIDE.height } } }
      ]
    });
    const out = [];
    // The target's own metric first (the wait chart below is that chart for wait targets).
    if (sizing.target.metric !== 'wait_days' && sizing.curve.some((p) => p.target &&
      isNumber(p.target.mean))) {
      const entry = ctx.outcome('service', sizing.target.metric);
      const close = ctx.t('report_too_close');
      const verdictOf = (p) => p.target.verdict === 'too close to call' ? close
        : p.meets ? meets : misses;
      const tv = sizing.curve.filter((p) => p.target && isNumber(p.target.mean)).map((p) => ({
        capacity: p.capacity, verdict: verdictOf(p), mean: p.target.mean,
        // The metric is never negative: a Student-t bound below zero is drawn at zero.
        lo: isNumber(p.target.lo) ? Math.max(0, p.target.lo) : p.target.mean,
        hi: isNumber(p.target.hi) ? p.target.hi : p.target.mean,
        t_value: estimateText(p.target, entry.unit),
        t_reps: isNumber(p.target.replications) ? exact(p.target.replications, ctx.lang) : '–'
      }));
      const y = yIn(ctx, 'mean', entry.unit, entry.label);
      const colour = { field: 'verdict', type: 'nominal', legend: { title: null },
        scale: { domain: [meets, close, misses], range: ['#2b8a3e', '#b7791f', '#b42318'] } };
      const tip = [
        { field: 'capacity', title: ctx.t('report_tip_capacity') },
        { field: 'verdict', title: ctx.t('report_tip_target') },
        { field: 't_value', title: entry.label },
        { field: 't_reps', title: ctx.t('report_tip_replications') }
      ];
      const layers = [
        { mark: { type: 'rule', color: '#7f9fc9', strokeWidth: 3 },
          encoding: { x, y: Object.assign({}, y, { field: 'lo' }), y2: { field: 'hi' } } },
        { mark: { type: 'line', color: '#1f5fa8', strokeWidth: 2 }, encoding: { x, y } },
        { mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: { x, y, color: colour, tooltip: tip } }
      ];
      if (isNumber(sizing.target.value)) {
        layers.push({ data: { values: [{}] }, layer: [
          { mark: { type: 'rule', color: '#b42318', strokeDash: [2, 3] },
            encoding: { y: { datum: sizing.target.value } } },
          { mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10,
            color: '#b42318', text: ctx.t('report_target_label', { target: sizing.target.text }) },
          encoding: { y: { datum: sizing.target.value }, x: { value: width } } }
        ] });
      }
      if (isNumber(sizing.capacity)) {
        layers.push(chosen(true));
      }
      const title = ctx.t('report_chart_sizing_target', { name, metric: entry.label });
      const spec = baseSpec(ctx, title, ctx.t('report_sizing_target_key'), width, WIDE.height);
      spec.data = { values: tv };
      spec.layer = layers;
      out.push({ id: 'sizing-target', title, spec, section: 'sizing' });
    }
    if (sizing.curve.some((p) => isNumber(p.wait.mean))) {
      // Waits at too small a capacity are orders of magnitude above the target: a symmetric
      // log scale keeps both the runaway waits and the target in view.
      const yMean = { field: 'wait_mean', type: 'quantitative',
        title: ctx.t('report_axis_wait_log'), scale: { type: 'symlog', constant: 10 } };
      const layers = [
        { mark: { type: 'rule', color: '#7f9fc9', strokeWidth: 2 },
          encoding: { x, y: Object.assign({}, yMean, { field: 'wait_lo' }),
            y2: { field: 'wait_hi' } } },
        { mark: { type: 'line', color: '#1f5fa8', strokeWidth: 2 }, encoding: { x, y: yMean } },
        { mark: { type: 'line', color: '#1f5fa8', strokeWidth: 1.5, strokeDash: [5, 3] },
          encoding: { x, y: Object.assign({}, yMean, { field: 'wait_p90' }) } },
        { mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: { x, y: yMean, color: meetsColour, tooltip } },
        { mark: { type: 'point', filled: false, size: 60, opacity: 1, strokeWidth: 2 },
          encoding: { x, y: Object.assign({}, yMean, { field: 'wait_p90' }), color: meetsColour,
            tooltip } }
      ];
      if (sizing.target.metric === 'wait_days' && isNumber(sizing.target.value)) {
        layers.push({ data: { values: [{}] }, layer: [
          { mark: { type: 'rule', color: '#b42318', strokeDash: [2, 3] },
            encoding: { y: { datum: sizing.target.value } } },
          { mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10,
            color: '#b42318', text: ctx.t('report_target_label', { target: sizing.target.text }) },
          encoding: { y: { datum: sizing.target.value }, x: { value: width } } }
        ] });
      }
      if (isNumber(sizing.capacity)) {
        layers.push(chosen(true));
      }
      const title = ctx.t('report_chart_sizing_wait', { name });
      const spec = baseSpec(ctx, title, ctx.t('report_sizing_wait_key'), width, WIDE.height);
      spec.data = { values };
      spec.layer = layers;
      out.push({ id: 'sizing-wait', title, spec, section: 'sizing' });
    }
    if (sizing.curve.some((p) => isNumber(p.cost.mean))) {
      const y = yIn(ctx, 'cost_mean', 'euros', ctx.t('report_axis_cost_horizon'));
      const layers = [
        { mark: { type: 'rule', color: '#7f9fc9', strokeWidth: 2 },
          encoding: { x, y: Object.assign({}, y, { field: 'cost_lo' }),
            y2: { field: 'cost_hi' } } },
        { mark: { type: 'line', color: '#1f5fa8', strokeWidth: 2 }, encoding: { x, y } },
        { mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: { x, y, color: meetsColour, tooltip } }
      ];
      if (isNumber(sizing.capacity)) {
        layers.push(chosen(false));
      }
      const title = ctx.t('report_chart_sizing_cost', { name });
      const spec = baseSpec(ctx, title, ctx.t('report_sizing_cost_key'), width, WIDE.height);
      spec.data = { values };
      spec.layer = layers;
      out.push({ id: 'sizing-cost', title, spec, section: 'sizing' });
    }
    const plan = sizing.plan.filter((s) => isNumber(s.capacity)).map((s) => ({
      date: s.date, period: ctx.periodLabel(s.date), capacity: s.capacity }));
    if (plan.length) {
      const px = { field: 'period', type: 'ordinal', sort: null,
        title: ctx.t('report_axis_' + (ctx.period === 'month' || ctx.period === 'quarter'
          ? ctx.period : 'year')), axis: { labelAngle: 0, labelOverlap: true } };
      const py = { field: 'capacity', type: 'quantitative', title: ctx.t('report_axis_places') };
      const title = ctx.t('report_chart_sizing_plan', { name });
      const spec = baseSpec(ctx, title, ctx.t('report_sizing_plan_key', {
        target: sizing.target.text }), WIDE.width, WIDE.height - 40);
      spec.data = { values: plan };
      spec.layer = [
        { mark: { type: 'bar', color: '#7f9fc9' }, encoding: { x: px, y: py, tooltip: [
          { field: 'period', title: ctx.t('report_period') },
          { field: 'capacity', title: ctx.t('report_tip_smallest_capacity') }] } },
        { mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: '#1b2430' },
          encoding: { x: px, y: py, text: { field: 'capacity', type: 'quantitative' } } }
      ];
      out.push({ id: 'sizing-plan', title, spec, section: 'sizing' });
    }
    return out;
  }

  /**
   * The waiting lists that kept growing in the run, per scenario, in words:
   * [{scenario, service, text}] (summary.json "warnings"; malformed entries are left out).
   */
  function growingLists(ctx) {
    const out = [];
    for (const scenario of ctx.scenarios) {
      for (const w of Array.isArray(scenario.warnings) ? scenario.warnings : []) {
        if (!w || typeof w.service !== 'string' || !isNumber(w.from_mean) ||
            !isNumber(w.to_mean) || typeof w.from !== 'string' || typeof w.to !== 'string') {
          continue;
        }
        const growth = Array.isArray(w.growth_ci95) ? w.growth_ci95 : [];
        const vars = {
          scenario: scenario.name, service: ctx.serviceLabel(w.service),
          from: ctx.value(w.from_mean, 'youths'), to: ctx.value(w.to_mean, 'youths'),
          from_period: ctx.periodLabel(w.from), to_period: ctx.periodLabel(w.to),
          interval: ctx.interval(growth[0], growth[1], 'youths'),
          p95: isNumber(w.to_p95) ? ctx.value(w.to_p95, 'youths') : '–'
        };
        const key = w.kind === 'drifting' ? 'report_warning_drifting' : 'report_warning_growing';
        const text = ctx.t(key, vars);
        out.push({ scenario: scenario.name, service: w.service,
          text: ctx.scenarios.length > 1 ? ctx.t('report_warning_in', { scenario: scenario.name,
            text }) : text });
      }
    }
    return out;
  }

  // ---- Sweep -------------------------------------------------------------------------------

  /** sweep.json read leniently: the swept parameters, the points that failed, the rows. */
  function readSweep(ctx) {
    const json = ctx.data.sweep;
    if (!json || typeof json !== 'object') {
      return null;
    }
    const parameters = (Array.isArray(json.parameters) ? json.parameters : [])
      .filter((p) => typeof p === 'string');
    const rows = (Array.isArray(json.rows) ? json.rows : []).filter((r) => r &&
      typeof r === 'object' && typeof r.service === 'string' && typeof r.metric === 'string')
      .map((r) => ({ point: r.point, values: r.values && typeof r.values === 'object'
        ? r.values : {}, service: r.service, metric: r.metric,
      mean: isNumber(r.mean) ? r.mean : null, lo: isNumber((r.ci95 || [])[0]) ? r.ci95[0] : null,
      hi: isNumber((r.ci95 || [])[1]) ? r.ci95[1] : null,
      p90: isNumber(r.p90) ? r.p90 : null }));
    const failed = (Array.isArray(json.failed) ? json.failed : [])
      .filter((f) => f && Array.isArray(f.values)).map((f) => f.values.join(', '));
    return { parameters, rows, failed };
  }

  /** Each metric against the swept values, with its interval band; two parameters: a heat map. */
  function sweepCharts(ctx) {
    const sweep = readSweep(ctx);
    if (!sweep || !sweep.parameters.length) {
      return [];
    }
    const [first, second] = sweep.parameters;
    const numeric = sweep.rows.every((r) => isFinite(Number(r.values[first])));
    const out = [];
    const pairs = [];
    for (const r of sweep.rows) {
      if (!pairs.some((p) => p.service === r.service && p.metric === r.metric)) {
        pairs.push({ service: r.service, metric: r.metric });
      }
    }
    for (const { service, metric } of pairs) {
      const entry = ctx.outcome('service', metric);
      const rows = sweep.rows.filter((r) => r.service === service && r.metric === metric &&
        r.mean !== null);
      if (!rows.length) {
        continue;
      }
      const values = rows.map((r) => ({ x: numeric ? Number(r.values[first]) : r.values[first],
        y: second === undefined ? '' : r.values[second], mean: r.mean,
        lo: r.lo === null ? r.mean : r.lo, hi: r.hi === null ? r.mean : r.hi, p90: r.p90,
        t_mean: ctx.exact(r.mean, entry.unit), t_interval: r.lo === null ? '–'
          : ctx.t('report_interval', { lo: ctx.exact(r.lo, entry.unit),
            hi: ctx.exact(r.hi, entry.unit) }) }));
      const name = ctx.shortServiceLabel(service);
      const title = ctx.t('report_chart_sweep', { name, metric: entry.label });
      const x = { field: 'x', type: numeric ? 'quantitative' : 'ordinal', title: first,
        scale: numeric ? { zero: false, nice: false } : undefined };
      const tooltip = [{ field: 'x', title: first }].concat(second === undefined ? []
        : [{ field: 'y', title: second }], [{ field: 't_mean', title: entry.label },
        { field: 't_interval', title: ctx.t('report_ci95') }]);
      let spec;
      if (second === undefined) {
        const y = yIn(ctx, 'mean', entry.unit, entry.label);
        spec = baseSpec(ctx, title, ctx.t('report_sweep_key'), WIDE.width / 2 + 80,
          WIDE.height);
        spec.data = { values };
        spec.layer = [
          { mark: { type: 'area', color: '#7f9fc9', opacity: 0.35 },
            encoding: { x, y: Object.assign({}, y, { field: 'lo' }), y2: { field: 'hi' } } },
          { mark: { type: 'line', color: '#1f5fa8', strokeWidth: 2, point: true },
            encoding: { x, y, tooltip } }
        ];
        if (metric === 'wait_days' && values.some((v) => isNumber(v.p90))) {
          spec.layer.push({ mark: { type: 'line', color: '#1f5fa8', strokeDash: [5, 3] },
            encoding: { x, y: Object.assign({}, y, { field: 'p90' }) } });
        }
      } else {
        spec = baseSpec(ctx, title, ctx.t('report_sweep_heat_key'), WIDE.width / 2 + 80,
          WIDE.height);
        spec.data = { values };
        const xo = Object.assign({}, x, { type: 'ordinal', scale: undefined });
        const yo = { field: 'y', type: 'ordinal', title: second, sort: null };
        spec.layer = [
          { mark: 'rect', encoding: { x: xo, y: yo, tooltip,
            color: { field: 'mean', type: 'quantitative', title: entry.label,
              scale: { scheme: 'blues' } } } },
          { mark: { type: 'text', fontSize: 10 }, encoding: { x: xo, y: yo,
            text: { field: 't_mean' } } }
        ];
      }
      out.push({ id: 'sweep-' + slug(service) + '-' + metric, title, spec, section: 'sweep' });
    }
    return out;
  }

  /**
   * flows.js: the page's inlined script (window.zorgsimFlows), or the file beside this one
   * under Node; a page without it draws no flow diagram.
   */
  function flowModule() {
    const g = typeof globalThis !== 'undefined' ? /** @type {any} */ (globalThis) : {};
    if (g.zorgsimFlows) {
      return g.zorgsimFlows;
    }
    if (typeof require === 'function') {
      return require('./flows.js');
    }
    return { flowCharts: () => [] };
  }

  /** backtest.js, found the way flowModule finds flows.js. */
  function backtestModule() {
    const g = typeof globalThis !== 'undefined' ? /** @type {any} */ (globalThis) : {};
    if (g.zorgsimBacktest) {
      return g.zorgsimBacktest;
    }
    if (typeof require === 'function') {
      return require('./backtest.js');
    }
    return { backtestCharts: () => [], readBacktest: () => null };
  }

  /**
   * Every chart of the report in page order: [{id, title, section, group?, spec}] and, apart,
   * the charts left out because every value in them is zero ([{id, title, section}]).
   */
  function buildCharts(data) {
    const ctx = data && data.t ? data : context(data);
    const all = [].concat(differenceCharts(ctx), differenceOverTimeCharts(ctx),
      systemCharts(ctx), flowModule().flowCharts(ctx, SERVICE_COLOURS,
        LOCALES[ctx.lang]), serviceCharts(ctx),
      regionCharts(ctx), municipalityCharts(ctx), sizingCharts(ctx), sweepCharts(ctx),
      backtestModule().backtestCharts(ctx, { baseSpec, yIn, fixed, slug, width: WIDE.width,
        height: WIDE.height }));
    return {
      charts: all.filter((chart) => !chart.omitted),
      omitted: all.filter((chart) => chart.omitted)
    };
  }

  return {
    LOCALES, fixed, exact, amount, translator, indexTable, context, certain, keyFigures,
    focusPeriod, summary, headlineOutcomes, estimate, someoneWaits, readSizing, readSweep,
    buildCharts, growingLists, scenarioColourOf, slug,
    readBacktest: (ctx) => backtestModule().readBacktest(ctx)
  };
});
