// @ts-check
// The scenario studio's page (docs/studio.md): pick a base scenario, move its levers, run the
// alternatives against the base with common random numbers, read the summary, the key figures
// per year and the charts, download the scenario files and results, and watch one replication
// as moving dots. It talks to the studio's JSON API only; the summary, the key figures and every
// chart come from the report's page script (report.js, window.zorgsimReport), so the studio and
// the report say the same thing in the same words. Every word shown comes from the words table
// (tools/words/words.json), embedded in the page in both languages.
(function () {
  'use strict';
  /** @type {any} */
  const w = window;
  const model = w.zorgsimReport;
  const errors = w.zorgsimErrors || [];
  const table = JSON.parse(document.getElementById('studio-words').textContent || '{}');
  const config = JSON.parse(document.getElementById('studio-config').textContent || '{}');
  const app = document.getElementById('studio-app');
  const status = document.getElementById('studio-status');

  let lang = (() => {
    try {
      const kept = w.localStorage.getItem('zorgsim-studio-lang');
      return kept === 'en' || kept === 'nl' ? kept : config.lang || 'nl';
    } catch (e) {
      return config.lang || 'nl';
    }
  })();

  /** The words of the current language, as the report's translator reads them. */
  function wordsOf(language) {
    const out = {};
    for (const [key, entry] of Object.entries(table)) {
      out[key] = entry[language];
    }
    return out;
  }
  let t = model.translator(wordsOf(lang));

  // ---- DOM helpers (text is always a text node, never HTML) --------------------------------

  /** @param {string} tag @param {Record<string, any>} [attributes] @param {...any} children */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.slice(2), value);
      } else if (name === 'value') {
        /** @type {any} */ (element).value = value;
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
  /** Text from a scenario or results file, shown as written (not translated). */
  const given = (text, tag) => h(tag || 'span', { 'data-from': 'results', translate: 'no' }, text);
  const number = (value, decimals) => model.fixed(value, decimals || 0, lang);

  // ---- The API -----------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.error ? body.error : 'HTTP ' + status);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (response.status === 401) {
      state.needToken = true;
      render();
    }
    if (!response.ok) {
      throw new ApiError(response.status, json);
    }
    return json;
  }

  // ---- State -------------------------------------------------------------------------------

  const state = {
    needToken: false,
    scenarios: /** @type {any[]} */ ([]),
    base: '',
    levers: /** @type {any} */ (null),
    alternatives: /** @type {{label: string, settings: Record<string, any>}[]} */ ([]),
    selected: 0,
    replications: 0,
    seed: 1,
    /** The run in flight or last shown: {id, status, progress, done, replications, job} */
    run: /** @type {any} */ (null),
    error: /** @type {any} */ (null),
    shown: /** @type {any} */ (null), // the finished job shown in the results
    docs: /** @type {Record<string, any>} */ ({}), // report data per language of `shown`
    drawing: 0,
  };

  function newAlternative() {
    return { label: t('studio_alternative_n', { n: state.alternatives.length + 1 }), settings: {} };
  }

  function lever(id) {
    return (state.levers ? state.levers.levers : []).find((l) => l.id === id);
  }

  function kindOf(id) {
    const service = state.levers && state.levers.services.find((s) => s.id === id);
    return service ? service.kind : '';
  }

  function serviceLabel(id) {
    const service = state.levers && state.levers.services.find((s) => s.id === id);
    return service ? service.label[lang] : id;
  }

  /** The alternatives as the API takes them: only the levers that were moved. */
  function requestAlternatives() {
    return state.alternatives.map((alternative) => {
      const levers = {};
      for (const [id, setting] of Object.entries(alternative.settings)) {
        if (setting && Object.keys(setting).length) {
          levers[id] = setting;
        }
      }
      return { name: alternative.label, levers };
    });
  }

  // ---- Loading -----------------------------------------------------------------------------

  async function start() {
    try {
      const list = await api('GET', '/api/scenarios');
      state.scenarios = list.scenarios;
      const preferred = state.scenarios.find((s) => /baseline/.test(s.name)) || state.scenarios[0];
      await pickBase(preferred ? preferred.name : '');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        fail(e);
      }
    }
  }

  async function pickBase(name) {
    state.base = name;
    state.levers = null;
    state.shown = null;
    state.docs = {};
    state.error = null;
    const scenario = state.scenarios.find((s) => s.name === name);
    state.replications = scenario ? scenario.replications : 20;
    state.seed = scenario ? scenario.seed : 1;
    state.alternatives = [];
    render();
    if (!name) {
      return;
    }
    state.levers = await api('GET', '/api/scenarios/' + encodeURIComponent(name) + '/levers');
    state.alternatives = [newAlternative()];
    state.selected = 0;
    render();
    // The base's own figures at once: a run of the base alone (cached by the studio).
    await runNow(false);
  }

  // ---- Running -----------------------------------------------------------------------------

  let polling = 0;

  async function runNow(withAlternatives) {
    state.error = null;
    const request = { base: state.base, alternatives: withAlternatives ? requestAlternatives() : [],
      replications: state.replications, seed: state.seed, lang };
    try {
      const started = await api('POST', '/api/runs', request);
      state.run = { id: started.id, status: started.status, progress: 0, done: 0,
        replications: state.replications, alternatives: withAlternatives };
      setStatus('running');
      render('controls');
      poll(started.id);
    } catch (e) {
      state.error = e;
      setStatus('failed', { message: e.message || String(e) });
      render('controls');
    }
  }

  async function poll(id) {
    const mine = ++polling;
    while (mine === polling) {
      let job;
      try {
        job = await api('GET', '/api/runs/' + id + '?result=0');
      } catch (e) {
        state.error = e;
        state.run = null;
        setStatus('failed');
        render();
        return;
      }
      state.run = Object.assign(state.run || {}, job);
      if (job.status === 'done') {
        await show(job);
        return;
      }
      if (job.status === 'failed' || job.status === 'cancelled') {
        state.error = { message: job.status === 'cancelled' ? t('studio_run_cancelled')
          : job.message, detail: job.status === 'failed' ? job.message : '' };
        state.run = null;
        setStatus(job.status);
        render('controls');
        return;
      }
      updateProgress();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async function cancelRun() {
    if (!state.run) {
      return;
    }
    try {
      await api('DELETE', '/api/runs/' + state.run.id);
    } catch (e) {
      // it may have ended meanwhile: the poll tells
    }
  }

  async function show(job) {
    state.shown = job;
    state.docs = {};
    await documentFor(lang);
    state.run = null;
    render();
  }

  async function documentFor(language) {
    if (!state.shown) {
      return null;
    }
    if (!state.docs[language]) {
      state.docs[language] = await api('GET', '/api/runs/' + state.shown.id + '/report?lang=' +
        language);
    }
    return state.docs[language];
  }

  // ---- Status line for people and tests ----------------------------------------------------

  function setStatus(value, extra) {
    status.dataset.state = value;
    for (const [key, v] of Object.entries(extra || {})) {
      status.dataset[key] = String(v);
    }
    status.dataset.errors = String(errors.length);
  }

  function fail(e) {
    errors.push('studio: ' + (e && e.message ? e.message : e));
    state.error = e;
    setStatus('failed');
    render();
  }

  // ---- Rendering ---------------------------------------------------------------------------

  /** Draws the page; PART 'controls' redraws only the levers and the run (not the results). */
  function render(part) {
    document.documentElement.lang = lang;
    document.title = t('studio_title');
    if (state.needToken) {
      app.replaceChildren(header(), tokenSection());
      return;
    }
    let controls = document.getElementById('studio-controls');
    let results = document.getElementById('studio-results');
    if (part === 'controls' && controls && results) {
      const scroll = window.scrollY;
      controls.replaceChildren(pickSection(), leversSection(), runSection());
      window.scrollTo(0, scroll);
      return;
    }
    controls = h('div', { class: 'studio-controls', id: 'studio-controls' }, pickSection(),
      leversSection(), runSection());
    results = h('div', { class: 'studio-results', id: 'studio-results' }, resultsSection());
    const scroll = window.scrollY;
    app.replaceChildren(header(), h('main', { class: 'studio-main' }, controls, results));
    window.scrollTo(0, scroll);
    drawCharts();
  }

  function header() {
    const button = (code, label) => h('button', { type: 'button', class: 'lang' +
      (lang === code ? ' active' : ''), 'aria-pressed': lang === code ? 'true' : 'false',
    lang: code, onclick: () => switchLanguage(code) }, label);
    return h('header', { class: 'studio-header' },
      h('div', null, h('p', { class: 'kicker' }, 'zorgsim'), h('h1', null, t('studio_heading')),
        h('p', { class: 'lead' }, t('studio_lead'))),
      h('div', { class: 'languages', role: 'group', 'aria-label': t('studio_language') },
        button('nl', t('studio_lang_nl')), button('en', t('studio_lang_en'))));
  }

  async function switchLanguage(code) {
    lang = code;
    t = model.translator(wordsOf(lang));
    try {
      w.localStorage.setItem('zorgsim-studio-lang', code);
    } catch (e) {
      // no storage: the choice lasts as long as the page
    }
    if (state.shown) {
      try {
        await documentFor(lang);
      } catch (e) {
        state.error = e;
      }
    }
    render();
  }

  function tokenSection() {
    const input = h('input', { type: 'password', id: 'studio-token', autocomplete: 'off',
      size: 40 });
    return h('section', { class: 'card token' }, h('h2', null, t('studio_token_heading')),
      h('p', null, t('studio_token_lead')),
      h('form', { onsubmit: (event) => {
        event.preventDefault();
        const value = /** @type {HTMLInputElement} */ (input).value.trim();
        const secure = location.protocol === 'https:' ? '; Secure' : '';
        document.cookie = 'zorgsim_token=' + encodeURIComponent(value) +
          '; Path=/; SameSite=Strict; Max-Age=31536000' + secure;
        state.needToken = false;
        render();
        start();
      } }, h('label', { for: 'studio-token' }, t('studio_token_label')), ' ', input, ' ',
      h('button', { type: 'submit' }, t('studio_token_submit'))));
  }

  function pickSection() {
    const scenario = state.scenarios.find((s) => s.name === state.base);
    const select = h('select', { id: 'studio-base', onchange: (event) =>
      pickBase(event.target.value).catch(fail) },
    state.scenarios.map((s) => h('option', { value: s.name, selected: s.name === state.base,
      'data-from': 'results' }, s.title)));
    return h('section', { class: 'card', id: 'pick' },
      h('h2', null, t('studio_pick_heading')),
      h('label', { for: 'studio-base' }, t('studio_pick_label')), select,
      scenario ? h('p', { class: 'note' }, t('studio_pick_facts', {
        start: model.context({ lang, words: wordsOf(lang) }).dateText(scenario.start),
        end: model.context({ lang, words: wordsOf(lang) }).dateText(scenario.end),
        n: scenario.services })) : null,
      scenario && scenario.description ? h('details', null, h('summary', null,
        t('studio_pick_description')), given(scenario.description, 'p')) : null);
  }

  // ---- Levers ------------------------------------------------------------------------------

  function leversSection() {
    if (!state.levers) {
      return h('section', { class: 'card', id: 'levers' }, h('h2', null, t('studio_levers_heading')),
        h('p', { class: 'note' }, t('studio_loading')));
    }
    const alternative = state.alternatives[state.selected];
    const tabs = h('div', { class: 'tabs', role: 'tablist' },
      state.alternatives.map((a, i) => h('button', { type: 'button', role: 'tab',
        class: 'tab' + (i === state.selected ? ' active' : ''),
        'aria-selected': i === state.selected ? 'true' : 'false',
        'data-alternative': i, onclick: () => { state.selected = i; render('controls'); } },
      h('span', { class: 'swatch', style: '--scenario-colour: ' + colourOf(i + 1) }),
      given(a.label), moved(a) ? ' (' + moved(a) + ')' : '')),
      state.alternatives.length < (config.max_alternatives || 4)
        ? h('button', { type: 'button', class: 'tab add', id: 'studio-add-alternative',
          onclick: () => {
            const copy = newAlternative();
            copy.settings = JSON.parse(JSON.stringify(alternative.settings));
            state.alternatives.push(copy);
            state.selected = state.alternatives.length - 1;
            render('controls');
          } }, '+ ' + t('studio_add_alternative')) : null);
    const name = h('input', { type: 'text', id: 'studio-alternative-name', maxlength: 80,
      value: alternative.label, oninput: (event) => {
        alternative.label = event.target.value;
        const tab = app.querySelector('.tab.active span[data-from]');
        if (tab) {
          tab.textContent = alternative.label;
        }
      } });
    const levers = state.levers.levers;
    const groups = [
      ['studio_group_inflow', levers.filter((l) => l.kind === 'inflow' || l.kind === 'inflow_policy')],
      ['studio_group_capacity', levers.filter((l) => l.kind === 'capacity').sort((a, b) =>
        Number(kindOf(b.service) === 'placement') - Number(kindOf(a.service) === 'placement'))],
      ['studio_group_steps', levers.filter((l) => l.kind === 'capacity_step' ||
        l.kind === 'routing_shift' || l.kind === 'admission_stop')],
      ['studio_group_phase_out', levers.filter((l) => l.kind === 'phase_out').sort((a, b) =>
        Number(kindOf(b.service) === 'placement') - Number(kindOf(a.service) === 'placement'))]
    ].filter(([, list]) => list.length);
    return h('section', { class: 'card', id: 'levers' },
      h('h2', null, t('studio_levers_heading')),
      h('p', { class: 'note' }, t('studio_levers_lead')),
      tabs,
      h('div', { class: 'alternative-name' }, h('label', { for: 'studio-alternative-name' },
        t('studio_alternative_name')), name,
      state.alternatives.length > 1 ? h('button', { type: 'button', class: 'quiet',
        onclick: () => {
          state.alternatives.splice(state.selected, 1);
          state.selected = Math.max(0, state.selected - 1);
          render('controls');
        } }, t('studio_remove_alternative')) : null),
      groups.map(([key, list]) => h('details', { class: 'lever-group', open: key !==
        'studio_group_phase_out' && key !== 'studio_group_steps' ? true : null,
      'data-group': key },
      h('summary', null, t(key), ' ', h('span', { class: 'count' }, countMoved(alternative, list))),
      groupHelp[key] ? h('p', { class: 'lever-help group-help' }, t(groupHelp[key])) : null,
      h('div', { class: 'lever-list' }, list.map((l) => leverRow(alternative, l))))));
  }

  /** Levers of these groups say what they do once, above the group. */
  const groupHelp = { studio_group_capacity: 'studio_group_capacity_help',
    studio_group_phase_out: 'studio_group_phase_out_help' };
  const helpOnce = ['capacity', 'phase_out'];

  function moved(alternative) {
    return Object.values(alternative.settings).filter((s) => s && Object.keys(s).length).length;
  }

  function countMoved(alternative, list) {
    const n = list.filter((l) => alternative.settings[l.id] &&
      Object.keys(alternative.settings[l.id]).length).length;
    return n ? t('studio_n_changed', { n }) : '';
  }

  function years(l) {
    const out = [];
    const first = Number(String(l.date_min).slice(0, 4));
    const last = Number(String(l.date_max).slice(0, 4));
    for (let y = first; y <= last; y++) {
      out.push(y + '-01-01');
    }
    return out;
  }

  function leverRow(alternative, l) {
    const setting = alternative.settings[l.id] || {};
    const set = (change) => {
      const next = Object.assign({}, setting, change);
      for (const key of Object.keys(next)) {
        if (next[key] === undefined) {
          delete next[key];
        }
      }
      alternative.settings[l.id] = next;
      render('controls');
    };
    const reset = () => {
      delete alternative.settings[l.id];
      render('controls');
    };
    const isMoved = Object.keys(setting).length > 0;
    const controls = [];
    const dateSelect = (value, onchange, label) => h('label', { class: 'date' }, label + ' ',
      h('select', { 'data-lever-date': l.id, onchange },
        years(l).map((date) => h('option', { value: date, selected: date === value },
          date.slice(0, 4)))));
    if (l.kind === 'capacity' || l.kind === 'capacity_step' || l.kind === 'inflow' ||
        l.kind === 'inflow_policy' || l.kind === 'routing_shift') {
      const percentUnit = l.unit === 'fraction';
      const scale = percentUnit ? 100 : 1;
      const value = setting.value !== undefined ? setting.value : l.current;
      const input = h('input', { type: 'number', 'data-lever': l.id, min: l.min * scale,
        max: l.max * scale, step: percentUnit ? 5 : l.step, value: round(value * scale),
        'aria-label': l.label[lang], onchange: (event) => {
          const raw = Number(event.target.value);
          if (!isFinite(raw)) {
            return;
          }
          const v = raw / scale;
          set({ value: v === l.current && setting.date === undefined ? undefined : v });
        } });
      const step = (delta) => h('button', { type: 'button', class: 'step',
        'aria-label': (delta > 0 ? '+' : '') + delta, onclick: () => {
          const v = Math.min(l.max, Math.max(l.min, round(value * scale + delta) / scale));
          set({ value: v });
        } }, (delta > 0 ? '+' : '−') + Math.abs(delta));
      const deltas = l.unit === 'places' ? [-10, -1, 1, 10] : [-1, 1].map((d) =>
        d * (percentUnit ? 5 : 0.5));
      controls.push(h('span', { class: 'value-control' }, step(deltas[0]),
        deltas.length > 2 ? step(deltas[1]) : null, input,
        h('span', { class: 'unit' }, t('studio_unit_' + l.unit)),
        deltas.length > 2 ? step(deltas[2]) : null, step(deltas[deltas.length - 1])));
      if (l.date_editable) {
        controls.push(dateSelect(setting.date || l.date, (event) => set({ date: event.target.value,
          value: setting.value !== undefined ? setting.value : l.current }), t('studio_from')));
      }
      controls.push(h('span', { class: 'change' + (isMoved ? ' moved' : '') },
        change(l, value)));
    } else if (l.kind === 'admission_stop') {
      const removed = setting.remove === true;
      controls.push(h('label', { class: 'check' }, h('input', { type: 'checkbox',
        'data-lever': l.id, checked: !removed, onchange: (event) => set({
          remove: event.target.checked ? undefined : true }) }), ' ', t('studio_stop_keep')));
      if (!removed) {
        controls.push(dateSelect(setting.date || l.date, (event) => set({
          date: event.target.value === l.date ? undefined : event.target.value }),
        t('studio_from')));
      }
    } else if (l.kind === 'phase_out') {
      const on = setting.date !== undefined;
      controls.push(h('label', { class: 'check' }, h('input', { type: 'checkbox',
        'data-lever': l.id, checked: on, onchange: (event) => set({
          date: event.target.checked ? (years(l)[1] || l.date) : undefined }) }), ' ',
      t('studio_phase_out_on')));
      if (on) {
        controls.push(dateSelect(setting.date, (event) => set({ date: event.target.value }),
          t('studio_from')));
      }
    }
    return h('div', { class: 'lever' + (isMoved ? ' moved' : ''), 'data-lever-row': l.id,
      title: helpOnce.includes(l.kind) ? l.help[lang] : null },
      h('div', { class: 'lever-head' }, h('span', { class: 'lever-label' }, l.label[lang]),
        isMoved ? h('button', { type: 'button', class: 'quiet reset', onclick: reset },
          t('studio_reset')) : null),
      h('div', { class: 'lever-controls' }, controls),
      helpOnce.includes(l.kind) ? null : h('p', { class: 'lever-help' }, l.help[lang]),
      l.description ? h('p', { class: 'lever-base' }, t('studio_in_the_base') + ' ',
        given(l.description)) : null);
  }

  function round(value) {
    return Math.round(value * 1000) / 1000;
  }

  /** "+20 plekken ten opzichte van nu" */
  function change(l, value) {
    const delta = value - l.current;
    if (l.unit === 'places') {
      if (delta === 0) {
        return t('studio_change_none');
      }
      return t('studio_change_places', { delta: (delta > 0 ? '+' : '−') + number(Math.abs(delta)),
        service: serviceLabel(l.service) });
    }
    if (l.unit === 'fraction') {
      return t('studio_change_share', { value: number(value * 100) });
    }
    if (value === 0) {
      return t('studio_change_inflow_none');
    }
    return t(value < 0 ? 'studio_change_inflow_down' : 'studio_change_inflow_up', {
      value: model.fixed(Math.abs(value), 1, lang) });
  }

  // ---- The run -----------------------------------------------------------------------------

  function runSection() {
    const running = state.run && (state.run.status === 'queued' || state.run.status === 'running');
    const reps = h('input', { type: 'number', id: 'studio-replications', min: 1,
      max: config.max_replications || 1000, value: state.replications, onchange: (event) => {
        const v = Math.round(Number(event.target.value));
        if (v >= 1) {
          state.replications = v;
        }
      } });
    const seed = h('input', { type: 'number', id: 'studio-seed', min: 0, value: state.seed,
      onchange: (event) => {
        const v = Math.round(Number(event.target.value));
        if (v >= 0) {
          state.seed = v;
        }
      } });
    const problem = state.error ? h('div', { class: 'problem', role: 'alert', id: 'studio-error' },
      h('p', null, t('studio_problem')),
      h('pre', { 'data-from': 'results', translate: 'no' }, state.error.message || String(state.error)),
      state.error.body && state.error.body.scenario_file ? h('details', null,
        h('summary', null, t('studio_problem_file')),
        h('pre', { 'data-from': 'results', translate: 'no' }, state.error.body.scenario_file)) : null)
      : null;
    return h('section', { class: 'card', id: 'run' },
      h('h2', null, t('studio_run_heading')),
      h('p', { class: 'note' }, t('studio_run_lead')),
      h('div', { class: 'run-settings' },
        h('label', { for: 'studio-replications' }, t('studio_replications')), reps,
        h('label', { for: 'studio-seed' }, t('studio_seed')), seed),
      h('div', { class: 'run-buttons' },
        h('button', { type: 'button', class: 'primary', id: 'studio-run', disabled: running ||
          !state.levers, onclick: () => runNow(true) }, t('studio_run_button', {
          n: state.alternatives.length })),
        running ? h('button', { type: 'button', id: 'studio-cancel', onclick: cancelRun },
          t('studio_cancel')) : null),
      running ? h('div', { class: 'progress' },
        h('progress', { id: 'studio-progress', max: 1, value: state.run.progress || 0 }),
        h('span', { id: 'studio-progress-text' }, progressText())) : null,
      problem);
  }

  function progressText() {
    const run = state.run;
    if (!run) {
      return '';
    }
    if (run.status === 'queued') {
      return t('studio_queued');
    }
    return t(run.alternatives ? 'studio_progress_compare' : 'studio_progress_base', {
      done: number(run.done || 0), n: number(run.replications || 0) });
  }

  function updateProgress() {
    const bar = /** @type {HTMLProgressElement|null} */ (document.getElementById('studio-progress'));
    const text = document.getElementById('studio-progress-text');
    if (!bar || !text) {
      render('controls');
      return;
    }
    bar.value = state.run.progress || 0;
    text.textContent = progressText();
  }

  // ---- Results -----------------------------------------------------------------------------

  let chartJobs = [];

  function colourOf(index) {
    const colours = ['#1f5fa8', '#d55e00', '#009e73', '#8e44ad', '#e69f00'];
    return colours[index % colours.length];
  }

  function resultsSection() {
    const doc = state.shown ? state.docs[lang] : null;
    if (!doc) {
      return h('section', { class: 'card', id: 'results' }, h('h2', null,
        t('studio_results_heading')), h('p', { class: 'note' }, state.run ? t('studio_waiting')
        : t('studio_loading')));
    }
    const ctx = model.context(doc);
    const job = state.shown;
    const out = [];
    const comparison = ctx.alternatives.length > 0;
    out.push(h('h2', null, t(comparison ? 'studio_results_compare' : 'studio_results_base')));
    out.push(h('p', { class: 'note', id: 'studio-results-facts' }, t('studio_results_facts', {
      n: number(job.replications), seed: job.seed,
      seconds: model.fixed(job.seconds || 0, 1, lang) })));
    if (comparison) {
      out.push(h('ul', { class: 'legend' }, ctx.names.map((name, i) => h('li', null,
        h('span', { class: 'swatch', style: '--scenario-colour: ' +
          model.scenarioColourOf(ctx, name) }),
        i === 0 ? t('report_base') + ': ' : '', given(labelOf(job, name))))));
    }
    out.push(summaryBlock(ctx, job));
    out.push(warningsBlock(ctx));
    out.push(keyFiguresBlock(ctx, job));
    out.push(chartsBlock(ctx));
    out.push(downloadsBlock(job));
    out.push(animationBlock(ctx, job));
    return h('section', { class: 'card', id: 'results', 'data-run': job.id }, out);
  }

  /** The name a user gave an alternative, or the scenario's name. */
  function labelOf(job, name) {
    const alternative = (job.alternatives || []).find((a) => a.name === name);
    return alternative ? alternative.label : name;
  }

  /** Waiting lists that kept growing in the run, in words (the report's own sentences). */
  function warningsBlock(ctx) {
    const items = model.growingLists(ctx);
    if (!items.length) {
      return null;
    }
    return h('div', { class: 'warnings', role: 'note', id: 'studio-warnings' },
      h('h3', null, t('report_warnings')),
      h('ul', null, items.map((item) => h('li', null, item.text))));
  }

  function summaryBlock(ctx, job) {
    const s = model.summary(ctx);
    if (!s.date) {
      return null;
    }
    const comparison = s.blocks.some((b) => b.kind === 'difference');
    return h('div', { class: 'summary', id: 'studio-summary' },
      h('h3', null, t('report_summary')),
      h('p', { class: 'lead' }, t(comparison ? 'report_summary_lead_compare'
        : 'report_summary_lead_run', { year: s.year })),
      s.blocks.map((block) => h('div', { class: 'summary-block' },
        block.kind === 'difference' ? h('h4', null, h('span', { class: 'swatch', style:
          '--scenario-colour: ' + model.scenarioColourOf(ctx, block.scenario) }),
        given(labelOf(job, block.scenario)), ' ' + t('report_against') + ' ', given(ctx.base)) : null,
        h('ul', { class: 'sentences' }, block.items.map((item) => h('li', {
          class: item.certain === true ? 'certain' : item.certain === false ? 'unsure' : 'level' },
        item.certain === true ? h('span', { class: 'mark' }, '● ') : item.certain === false
          ? h('span', { class: 'mark' }, '○ ') : null, item.text))))),
      comparison ? h('p', { class: 'note' }, t('report_summary_key')) : null);
  }

  /**
   * The report's key figures per year and, after them, the mean wait of every placement service
   * in which someone waits: per outcome a row per scenario and a row per paired difference.
   */
  function keyFiguresBlock(ctx, job) {
    const k = model.keyFigures(ctx);
    const groups = k.groups.slice();
    for (const service of ctx.services) {
      if (service.kind !== 'placement' || !model.someoneWaits(ctx, service.id)) {
        continue;
      }
      const entry = ctx.outcome('service', 'wait_days');
      const group = { service: service.id, metric: 'wait_days', unit: entry.unit,
        label: entry.label + ': ' + ctx.serviceLabel(service.id), rows: [] };
      for (const name of ctx.names) {
        group.rows.push({ kind: 'scenario', scenario: name, cells: k.periods.map((date) => {
          const row = ctx.ts.at(name, service.id, 'wait_days', date);
          return row ? { date, mean: row.mean, lo: row.lo, hi: row.hi } : { date };
        }) });
      }
      for (const name of ctx.alternatives) {
        group.rows.push({ kind: 'difference', scenario: name, cells: k.periods.map((date) => {
          const row = ctx.paired.at(name, service.id, 'wait_days', date);
          return row ? { date, mean: row.mean, lo: row.lo, hi: row.hi,
            certain: model.certain(row.lo, row.hi) } : { date };
        }) });
      }
      groups.push(group);
    }
    if (!groups.length) {
      return null;
    }
    const many = ctx.names.length > 1;
    const head = h('tr', null, h('th', { scope: 'col' }, t('report_outcome')),
      many ? h('th', { scope: 'col' }, '') : null,
      k.periods.map((date) => h('th', { scope: 'col', class: 'value' }, ctx.periodLabel(date))));
    const bodies = groups.map((group) => h('tbody', null, group.rows.map((row, i) => h('tr', {
      class: 'row-' + row.kind + (i === 0 ? ' first' : ''), 'data-metric': group.metric,
      'data-service': group.service, 'data-scenario': row.scenario, 'data-kind': row.kind },
    i === 0 ? h('th', { scope: 'rowgroup', rowspan: group.rows.length, class: 'outcome' },
      group.label, h('span', { class: 'definition' }, t('report_unit_note_' + group.unit))) : null,
    many ? h('th', { scope: 'row', class: 'who who-' + row.kind, style: '--scenario-colour: ' +
      model.scenarioColourOf(ctx, row.scenario), title: (row.kind === 'difference'
      ? t('report_difference_short') + ' ' : '') + (row.scenario === ctx.base &&
      row.kind === 'scenario' ? t('report_base') : labelOf(job, row.scenario)) },
    h('span', { class: 'swatch' }),
    row.kind === 'difference' ? t('report_difference_short') + ' ' : '',
    row.kind === 'scenario' && row.scenario === ctx.base ? t('report_base')
      : given(labelOf(job, row.scenario))) : null,
    row.cells.map((cell) => valueCell(ctx, cell, group.unit, row.kind === 'difference'))))));
    return h('div', { class: 'key-figures-block', id: 'studio-key-figures' },
      h('h3', null, t('report_key_figures')),
      h('p', { class: 'lead' }, many ? t('report_key_figures_lead_compare', { base: ctx.base })
        : t('report_key_figures_lead_run')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'numbers key-figures' },
        h('thead', null, head), bodies)));
  }

  function valueCell(ctx, e, unit, difference) {
    if (!e || typeof e.mean !== 'number') {
      return h('td', { class: 'value' }, '–');
    }
    const sure = difference && model.certain(e.lo, e.hi);
    const interval = ctx.interval(e.lo, e.hi, unit, difference, 'report_interval_short');
    return h('td', { class: 'value' + (sure ? ' certain' : ''), 'data-value': e.mean,
      'data-lo': e.lo, 'data-hi': e.hi },
    sure ? h('span', { class: 'mark', title: t('report_certain_mark_title') }, '● ') : null,
    model.amount(e.mean, unit, ctx.lang, difference),
    interval ? h('span', { class: 'interval' }, interval) : null);
  }

  function chartsBlock(ctx) {
    const built = model.buildCharts(ctx);
    const first = ['differences-over-time', 'system'];
    const main = built.charts.filter((c) => first.includes(c.section));
    const rest = built.charts.filter((c) => !first.includes(c.section));
    chartJobs = main.map((chart) => ({ chart, lazy: false })).concat(rest.map((chart) =>
      ({ chart, lazy: true })));
    const figure = (chart) => h('figure', { class: 'chart', id: 'studio-chart-' + chart.id,
      role: 'img', 'aria-label': chart.title });
    return h('div', { class: 'charts-block', id: 'studio-charts' },
      h('h3', null, t('studio_charts_heading')),
      h('div', { class: 'charts' }, main.map(figure)),
      rest.length ? h('details', { class: 'more-charts', ontoggle: (event) => {
        if (event.target.open) {
          drawCharts(true);
        }
      } }, h('summary', null, t('studio_more_charts', { n: rest.length })),
      h('div', { class: 'charts' }, rest.map(figure))) : null);
  }

  function drawCharts(withLazy) {
    if (!state.shown || typeof w.vegaEmbed !== 'function') {
      return;
    }
    const drawing = ++state.drawing;
    const jobs = chartJobs.filter((j) => withLazy || !j.lazy);
    const options = { renderer: 'svg', mode: 'vega-lite', actions: { export: true, source: false,
      compiled: false, editor: false }, i18n: { SVG_ACTION: t('report_save_svg'),
      PNG_ACTION: t('report_save_png'), CLICK_TO_VIEW_ACTIONS: t('report_chart_menu') } };
    setStatus('drawing', { expected: jobs.length, rendered: 0 });
    Promise.allSettled(jobs.map(({ chart }) => {
      const place = document.getElementById('studio-chart-' + chart.id);
      if (!place || place.querySelector('svg')) {
        return Promise.resolve();
      }
      return w.vegaEmbed(place, chart.spec, Object.assign({}, options,
        { downloadFileName: chart.id, mode: chart.mode || 'vega-lite' }));
    })).then((outcomes) => {
      if (drawing !== state.drawing) {
        return;
      }
      const failed = outcomes.filter((o) => o.status === 'rejected');
      failed.forEach((o) => errors.push('chart: ' + (o.reason && o.reason.message)));
      setStatus('done', { expected: jobs.length, rendered: jobs.length - failed.length,
        run: state.shown.id, comparison: state.shown.alternatives.length > 0 ? 1 : 0 });
    });
  }

  function downloadsBlock(job) {
    const url = (name, inline) => '/api/runs/' + job.id + '/files/' + encodeURIComponent(name) +
      (inline ? '?inline=1' : '');
    const link = (name, key, inline) => job.files.includes(name) ? h('li', null,
      h('a', { href: url(name, inline), download: inline ? null : name, target: inline ? '_blank'
        : null, rel: 'noopener', 'data-file': name }, t(key)), ' ', given(name, 'code')) : null;
    return h('div', { class: 'downloads', id: 'studio-downloads' },
      h('h3', null, t('studio_downloads_heading')),
      h('p', { class: 'note' }, t('studio_downloads_lead')),
      h('ul', null,
        (job.alternatives || []).map((a) => h('li', null, h('a', { href: url(a.file),
          download: a.file, 'data-file': a.file, 'data-alternative': a.name },
        t('studio_download_scenario', { name: a.label })), ' ', given(a.file, 'code'))),
        link('results.zip', 'studio_download_zip'),
        link('report.html', 'studio_download_report', true),
        link('results.xlsx', 'studio_download_excel')));
  }

  // ---- The animation of one replication ----------------------------------------------------

  const film = { run: '', scenario: '', data: null, playing: false, day: 0, speed: 60,
    frame: 0, canvas: null, youths: null, index: 0, last: 0 };

  function animationBlock(ctx, job) {
    const canvas = h('canvas', { id: 'studio-film', width: 1100, height: 560,
      'aria-label': t('studio_film_heading') });
    film.canvas = canvas;
    if (film.run !== job.id) {
      film.run = job.id;
      film.scenario = ctx.names[ctx.names.length - 1];
      film.data = null;
      film.playing = false;
    }
    const speeds = [[15, 'studio_speed_slow'], [60, 'studio_speed_normal'],
      [240, 'studio_speed_fast']];
    const block = h('div', { class: 'film', id: 'studio-film-block' },
      h('h3', null, t('studio_film_heading')),
      h('p', { class: 'note' }, t('studio_film_lead')),
      h('div', { class: 'film-controls' },
        h('label', null, t('studio_film_scenario') + ' ', h('select', { id: 'studio-film-scenario',
          onchange: (event) => { film.scenario = event.target.value; film.data = null;
            film.playing = false; drawFilm(); } },
        ctx.names.map((name) => h('option', { value: name, selected: name === film.scenario,
          'data-from': 'results' }, labelOf(job, name))))),
        h('button', { type: 'button', id: 'studio-film-play', class: 'primary', onclick: () =>
          playFilm().catch(fail) }, t(film.playing ? 'studio_film_pause' : 'studio_film_play')),
        h('label', null, t('studio_film_speed') + ' ', h('select', { id: 'studio-film-speed',
          onchange: (event) => { film.speed = Number(event.target.value); } },
        speeds.map(([value, key]) => h('option', { value, selected: value === film.speed },
          t(/** @type {string} */ (key)))))),
        h('input', { type: 'range', id: 'studio-film-time', min: 0, max: 1000, value: 0,
          'aria-label': t('studio_film_time'), oninput: (event) => seekFilm(
            Number(event.target.value) / 1000) })),
      canvas,
      h('p', { class: 'note film-key' }, h('span', { class: 'dot in-care' }), t('studio_film_in_care'),
        ' ', h('span', { class: 'dot waiting' }), t('studio_film_waiting'), ' ',
        h('span', { class: 'dot blocked' }), t('studio_film_blocked'), ' ',
        h('span', { class: 'dot new' }), t('studio_film_new')));
    requestAnimationFrame(() => drawFilm());
    return block;
  }

  async function playFilm() {
    if (!film.data) {
      film.data = await api('GET', '/api/runs/' + state.shown.id + '/animation?scenario=' +
        encodeURIComponent(film.scenario));
      resetFilm();
    }
    film.playing = !film.playing;
    const button = document.getElementById('studio-film-play');
    if (button) {
      button.textContent = t(film.playing ? 'studio_film_pause' : 'studio_film_play');
    }
    film.last = performance.now();
    if (film.playing) {
      requestAnimationFrame(tick);
    }
  }

  function layoutFilm() {
    const data = film.data;
    const canvas = /** @type {HTMLCanvasElement} */ (film.canvas);
    const services = data.places.map((place, i) => ({ place, i, label: data.labels[place] }))
      .filter((p) => p.label);
    services.sort((a, b) => (a.label.kind === b.label.kind ? 0 : a.label.kind === 'placement'
      ? 1 : -1));
    const top = 60;
    const cols = Math.ceil(Math.sqrt(services.length * 2.2));
    const rows = Math.ceil(services.length / cols);
    const width = (canvas.width - 20) / cols;
    const height = (canvas.height - top - 10) / rows;
    const boxes = new Map();
    services.forEach((s, k) => {
      const x = 10 + (k % cols) * width;
      const y = top + Math.floor(k / cols) * height;
      boxes.set(s.i, { x, y, w: width - 8, h: height - 8, label: s.label, place: s.place });
    });
    film.boxes = boxes;
  }

  function resetFilm() {
    layoutFilm();
    film.youths = new Map();
    film.index = 0;
    film.day = 0;
  }

  function hash(n, salt) {
    let x = (n * 2654435761 + salt * 40503) >>> 0;
    x ^= x >>> 13;
    x = Math.imul(x, 1274126177) >>> 0;
    return (x % 10000) / 10000;
  }

  /** Applies the events up to the film's day to the youths' places. */
  function advanceFilm() {
    const data = film.data;
    const names = data.events;
    while (film.index < data.t.length && data.t[film.index] <= film.day) {
      const i = film.index++;
      const id = data.y[i];
      const event = names[data.e[i]];
      const place = data.p[i];
      let youth = film.youths.get(id);
      if (!youth) {
        youth = { at: -1, waitingFor: -1, x: 0, y: 0, fresh: 0, gone: false };
        film.youths.set(id, youth);
        youth.placed = false;
      }
      if (event === 'census' || event === 'admitted' || event === 'bridging') {
        if (event !== 'bridging') {
          youth.at = place;
          youth.waitingFor = -1;
        }
      } else if (event === 'waiting') {
        youth.waitingFor = place;
      } else if (event === 'discharged') {
        youth.at = -1;
      } else if (event === 'referred' || event === 'reentry') {
        youth.fresh = 1;
      } else if (event === 'exit' || event === 'aged_out' || event === 'reneged') {
        if (event === 'reneged') {
          youth.waitingFor = -1;
        }
        if (event !== 'reneged' || youth.at < 0) {
          film.youths.delete(id);
        }
      } else if (event === 'substituted') {
        youth.waitingFor = -1;
      }
    }
  }

  function seekFilm(fraction) {
    if (!film.data) {
      return;
    }
    resetFilm();
    film.day = fraction * film.data.horizon_days;
    advanceFilm();
    for (const youth of film.youths.values()) {
      youth.placed = false;
    }
    drawFilm();
  }

  function tick(now) {
    if (!film.playing || !film.data || !document.getElementById('studio-film')) {
      return;
    }
    const seconds = Math.min(0.1, (now - film.last) / 1000);
    film.last = now;
    film.day += seconds * film.speed;
    if (film.day >= film.data.horizon_days) {
      film.day = film.data.horizon_days;
      film.playing = false;
      const button = document.getElementById('studio-film-play');
      if (button) {
        button.textContent = t('studio_film_play');
      }
    }
    advanceFilm();
    drawFilm();
    const range = /** @type {HTMLInputElement|null} */ (document.getElementById('studio-film-time'));
    if (range) {
      range.value = String(Math.round(1000 * film.day / film.data.horizon_days));
    }
    if (film.playing) {
      requestAnimationFrame(tick);
    }
  }

  function drawFilm() {
    const canvas = /** @type {HTMLCanvasElement|null} */ (document.getElementById('studio-film'));
    if (!canvas) {
      return;
    }
    const g = canvas.getContext('2d');
    if (!g) {
      return;
    }
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.font = '15px "Liberation Sans", Arial, sans-serif';
    g.fillStyle = '#1b2430';
    if (!film.data) {
      g.fillText(t('studio_film_press_play'), 20, 36);
      return;
    }
    const data = film.data;
    const ctx = model.context({ lang, words: wordsOf(lang) });
    const date = addDays(data.start, film.day);
    const counts = new Map();
    let inCare = 0;
    let waiting = 0;
    for (const youth of film.youths.values()) {
      if (youth.at >= 0) {
        inCare += 1;
        const c = counts.get(youth.at) || { here: 0, waiting: 0 };
        c.here += 1;
        counts.set(youth.at, c);
      }
      if (youth.waitingFor >= 0) {
        waiting += 1;
        const c = counts.get(youth.waitingFor) || { here: 0, waiting: 0 };
        c.waiting += 1;
        counts.set(youth.waitingFor, c);
      }
    }
    g.font = 'bold 20px "Liberation Sans", Arial, sans-serif';
    g.fillText(ctx.dateText(date), 12, 28);
    g.font = '15px "Liberation Sans", Arial, sans-serif';
    g.fillText(t('studio_film_counts', { care: number(inCare), waiting: number(waiting) }), 260, 28);
    if (data.truncated) {
      g.fillText(t('studio_film_truncated'), 700, 28);
    }
    for (const [i, box] of film.boxes) {
      g.strokeStyle = '#c9d2dd';
      g.lineWidth = 1;
      g.strokeRect(box.x, box.y, box.w, box.h);
      const c = counts.get(i) || { here: 0, waiting: 0 };
      g.fillStyle = '#1b2430';
      g.font = '13px "Liberation Sans", Arial, sans-serif';
      g.fillText(fit(g, box.label[lang], box.w - 10), box.x + 5, box.y + 15);
      g.fillStyle = '#4a5565';
      g.font = '12px "Liberation Sans", Arial, sans-serif';
      g.fillText(fit(g, t('studio_film_box', { here: number(c.here),
        places: number(box.label.capacity), waiting: number(c.waiting) }), box.w - 10),
      box.x + 5, box.y + 31);
    }
    for (const [id, youth] of film.youths) {
      const inBox = youth.at >= 0 ? film.boxes.get(youth.at) : null;
      const waitBox = youth.waitingFor >= 0 ? film.boxes.get(youth.waitingFor) : null;
      let tx;
      let ty;
      let colour;
      if (inBox) {
        tx = inBox.x + 6 + hash(id, 1) * (inBox.w - 12);
        ty = inBox.y + 38 + hash(id, 2) * (inBox.h * 0.62 - 38);
        colour = waitBox ? '#c0392b' : youth.fresh > 0 ? '#009e73' : '#1f5fa8';
      } else if (waitBox) {
        tx = waitBox.x + 6 + hash(id, 3) * (waitBox.w - 12);
        ty = waitBox.y + waitBox.h * 0.7 + hash(id, 4) * (waitBox.h * 0.28 - 4);
        colour = '#e69f00';
      } else {
        continue;
      }
      if (!youth.placed) {
        youth.x = tx;
        youth.y = ty;
        youth.placed = true;
      } else {
        youth.x += (tx - youth.x) * 0.2;
        youth.y += (ty - youth.y) * 0.2;
      }
      youth.fresh = Math.max(0, youth.fresh - 0.02);
      g.fillStyle = colour;
      g.fillRect(youth.x - 1.5, youth.y - 1.5, 3, 3);
    }
    for (const [, box] of film.boxes) {
      g.strokeStyle = '#e3e8ee';
      g.beginPath();
      g.moveTo(box.x, box.y + box.h * 0.68);
      g.lineTo(box.x + box.w, box.y + box.h * 0.68);
      g.stroke();
    }
  }

  /** TEXT cut with an ellipsis to WIDTH pixels. */
  function fit(g, text, width) {
    if (g.measureText(text).width <= width) {
      return text;
    }
    let cut = text.length;
    while (cut > 1 && g.measureText(text.slice(0, cut) + '…').width > width) {
      cut -= 1;
    }
    return text.slice(0, cut) + '…';
  }

  function addDays(iso, days) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + Math.floor(days));
    return d.toISOString().slice(0, 10);
  }

  // ---- Go ----------------------------------------------------------------------------------

  w.addEventListener('pagehide', () => { polling += 1; });
  render();
  setStatus('loading');
  start();
})();
