/*
 * Assay viewer: the pages of `assay view` and of the self-contained HTML reports (issue 14).
 *
 * The contract is VIEW-CONTRACT.md: routes, element ids, classes and data-* attributes used here are
 * what the browser tests look for, so keep them.
 *
 * Every string in a run (answers, tool results, task ids, metadata, messages, evidence) is written
 * by an agent or a suite and is treated as hostile. So the DOM is only ever built with
 * createElement + textContent/setAttribute through el() below: no innerHTML and friends, no inline
 * handlers (a CSP forbids them anyway), and links are only '#/' + encodeURIComponent(...) routes.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // DOM helpers

  /**
   * el('a', {class: 'x', href: route('run', id)}, 'text', child, [more]) builds an element.
   * Attributes go through setAttribute only, never an event handler attribute, and href only takes
   * our own hash routes, so run text can never become markup, script or a navigation elsewhere.
   * Children: strings and numbers become text nodes; null/undefined/false are skipped; arrays flatten.
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (/^on/i.test(name)) throw new Error('refusing event handler attribute ' + name);
      if (value === null || value === undefined || value === false) continue;
      if (name === 'href' && !String(value).startsWith('#/')) throw new Error('refusing href outside the viewer');
      if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') {
        node[name] = value;            // properties, so form controls show them
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
    return node;
  }

  /** '#/run/ID/task/TID' from path segments, each encoded, so ids with '/', '?' or '#' stay one segment. */
  function route(...segments) {
    return '#/' + segments.map((s) => encodeURIComponent(String(s).toWellFormed())).join('/');   // a lone surrogate would throw
  }

  function link(href, cls, ...children) {
    return el('a', {href: href, class: cls}, ...children);
  }

  /** Text shown in a cell when there is no value (null means "not measured", never 0). */
  const NONE = '–';

  /** Anything from a run as display text: strings as they are, other values as JSON. */
  function toText(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    return JSON.stringify(value, null, 2);
  }

  // Long text is folded: the first FOLD_AT characters, then a <details> with the whole text.
  // The head hides when the details is open (CSS :has), so the text reads once either way.
  const FOLD_AT = 4000;

  function foldable(tag, attrs, value) {
    const text = toText(value);
    if (text.length <= FOLD_AT) return el(tag, attrs, text);
    const node = el(tag, attrs,
      el('span', {class: 'fold-head'}, text.slice(0, FOLD_AT), '…'),
      el('details', {class: 'fold'},
        el('summary', {}, 'show all ' + text.length + ' characters'),
        el('span', {class: 'fold-full'}, text)));
    node.classList.add('folded');
    return node;
  }

  /** A JSON value pretty-printed as text in a <pre>. */
  function jsonBlock(cls, value) {
    return foldable('pre', {class: cls}, JSON.stringify(value === undefined ? null : value, null, 2));
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting (numbers may be null, or anything at all in a hostile file: never trust the type)

  function isNum(x) {
    return typeof x === 'number' && Number.isFinite(x);
  }

  function fmt3(x) {
    if (x === null || x === undefined) return NONE;
    return isNum(x) ? x.toFixed(3) : String(x);
  }

  /** −0.050 with a real minus sign, as the paired difference reads in the contract. */
  function fmtSigned3(x) {
    if (!isNum(x)) return fmt3(x);
    const digits = Math.abs(x).toFixed(3);
    return (x < 0 && digits !== '0.000' ? '\u2212' : '') + digits;
  }

  /** "0.750 [0.600, 0.900]", "1.000" without an interval, "–" when nothing was scored. */
  function fmtScore(score) {
    if (!score || score.mean === null || score.mean === undefined) return NONE;
    const ci = score.ci95;
    if (Array.isArray(ci) && ci.length === 2) return fmt3(score.mean) + ' [' + fmt3(ci[0]) + ', ' + fmt3(ci[1]) + ']';
    return fmt3(score.mean);
  }

  /** Counts as plain integers ("20000 of 20000 tasks"), as the contract's texts read. */
  function fmtInt(x) {
    return isNum(x) ? String(Math.round(x)) : (x === null || x === undefined ? NONE : String(x));
  }

  /** Token counts get thousands separators: 1,204,331 reads, 1204331 does not. */
  function fmtTokens(x) {
    return isNum(x) ? Math.round(x).toLocaleString('en-US') : fmtInt(x);
  }

  function fmtCost(usd) {
    if (usd === null || usd === undefined) return NONE;
    if (!isNum(usd)) return String(usd);
    if (usd === 0) return '$0';
    return '$' + (usd < 1 ? usd.toPrecision(3) : usd.toFixed(2));
  }

  function fmtMs(ms) {
    if (!isNum(ms)) return ms === null || ms === undefined ? NONE : String(ms);
    if (ms >= 10000) return (ms / 1000).toFixed(1) + ' s';
    return (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) + ' ms';
  }

  /** "2026-12-05 09:32:30Z" from an ISO instant; anything else as it is. */
  function fmtTime(iso) {
    if (typeof iso !== 'string') return iso === null || iso === undefined ? NONE : String(iso);
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?(Z?)$/.exec(iso);
    return m ? m[1] + ' ' + m[2] + m[3] : iso;
  }

  // ---------------------------------------------------------------------------------------------
  // Outcomes

  const OUTCOMES = ['completed', 'agent_error', 'timeout', 'harness_error', 'judge_error'];
  const ERROR_OUTCOMES = new Set(['harness_error', 'judge_error']);
  // A mark as well as a colour, so the three statuses read without colour too.
  const STATUS_MARK = {passed: '✓', failed: '✗', error: '!'};

  /** passed, error (the harness or the judge failed: not the agent's fault) or failed. */
  function trialStatus(trial) {
    if (trial && trial.passed === true) return 'passed';
    if (trial && ERROR_OUTCOMES.has(trial.outcome)) return 'error';
    return 'failed';
  }

  /** A trial's ✓ ✗ ! mark; `cls` is trial-outcome in the tasks table (the tests count those). */
  function outcomeBadge(trial, cls) {
    const status = trialStatus(trial);
    return el('span', {class: (cls || 'trial-outcome') + ' ' + status, title: toText(trial.outcome),
      'aria-label': 'epoch ' + toText(trial.epoch) + ': ' + toText(trial.outcome) + ', ' + status},
    STATUS_MARK[status]);
  }

  // ---------------------------------------------------------------------------------------------
  // Data source: the file's embedded JSON, or the server's API

  const embedded = document.getElementById('assay-data');
  let embeddedData = null;    // parsed once: a report with 100,000 trials is megabytes of JSON

  // Seeds are 64-bit integers, more than a JS number holds exactly: JSON.parse would show a seed
  // that was never used. Integers past 2^53 are kept as their source text instead. The reviver is
  // several times slower than a plain parse, so it only runs when the text has a long number.
  const LONG_NUMBER = /\d{16}/;

  function exactIntegers(key, value, context) {
    const exact = typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value);
    return !exact && context && typeof context.source === 'string' ? context.source : value;
  }

  function parseJson(text) {
    return LONG_NUMBER.test(text) ? JSON.parse(text, exactIntegers) : JSON.parse(text);
  }

  async function load(path) {
    if (embedded) {
      if (embeddedData === null) embeddedData = parseJson(embedded.textContent);
      const api = embeddedData.api || {};
      if (!Object.prototype.hasOwnProperty.call(api, path)) {
        throw new Error('This page is not in this report file; it is only in `assay view` (the file has no ' + path + ').');
      }
      return api[path];
    }
    const response = await fetch(path, {cache: 'no-store', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      const text = await response.text();
      throw new Error(text.trim() || (response.status + ' ' + response.statusText));
    }
    return parseJson(await response.text());
  }

  function apiPath(...segments) {
    return 'api/' + segments.map((s, i) => (i === 0 ? s : encodeURIComponent(String(s).toWellFormed()))).join('/');
  }

  // ---------------------------------------------------------------------------------------------
  // Page frame: crumbs, the main element, charts, timers

  const main = document.getElementById('page');
  const crumbs = document.getElementById('crumbs');
  let charts = [];           // Chart.js instances on screen, destroyed before the page changes
  let pollTimer = null;      // the run page's live polling
  let searchTimer = null;    // the tasks page's search debounce

  function stopTimers() {
    clearTimeout(pollTimer);
    clearTimeout(searchTimer);
    pollTimer = searchTimer = null;
  }

  function destroyCharts() {
    charts.forEach((chart) => chart.destroy());
    charts = [];
  }

  /** crumbs: [[label, href], ...]; every crumb a link, the last one the current page. */
  function setCrumbs(items) {
    const parts = [];
    items.forEach(([label, href], i) => {
      if (i > 0) parts.push(el('span', {class: 'sep', 'aria-hidden': 'true'}, ' › '));
      parts.push(el('a', {href: href, 'aria-current': i === items.length - 1 ? 'page' : null}, label));
    });
    crumbs.replaceChildren(...parts);
  }

  function runCrumbs(rid) {
    return [['runs', '#/runs'], [rid, route('run', rid)]];
  }

  /**
   * Puts a page's content on screen, then draws its charts (Chart.js needs the canvas attached to
   * size it), and only then sets data-page: the tests wait on it, so it means "rendered".
   */
  function present(page, title, crumbItems, content, drawCharts) {
    destroyCharts();
    main.replaceChildren();
    append(main, content);   // skips the nulls of optional parts
    setCrumbs(crumbItems);
    document.title = title + ' · Assay';
    if (drawCharts) drawCharts();
    main.setAttribute('data-page', page);
  }

  function renderError(error) {
    destroyCharts();
    main.replaceChildren(el('h1', {}, 'Cannot show this page'),
      el('p', {id: 'error', role: 'alert'}, String(error && error.message ? error.message : error)));
    setCrumbs([['runs', '#/runs']]);
    document.title = 'Error · Assay';
    main.setAttribute('data-page', 'error');
  }

  function section(title, ...children) {
    return el('section', {class: 'panel'}, el('h2', {}, title), ...children);
  }

  function emptyRow(columns, text) {
    return el('tr', {}, el('td', {class: 'empty', colspan: columns}, text));
  }

  // ---------------------------------------------------------------------------------------------
  // Runs page: #/runs

  // Sortable columns of the runs table: data-sort key, label, the value sorted by.
  const RUN_SORTS = {
    suite: (r) => r.suite,
    agent: (r) => r.agent,
    model: (r) => r.model,
    started: (r) => r.started,
    status: (r) => r.status,
    score: (r) => (r.score ? r.score.mean : null),
    errors: (r) => r.errors,
    cost: (r) => r.cost_usd,
  };

  /** Ascending order of sort values: numbers by value, strings with numbers in them by value, nulls last. */
  function compareValues(a, b) {
    const aNone = a === null || a === undefined, bNone = b === null || b === undefined;
    if (aNone || bNone) return aNone === bNone ? 0 : (aNone ? 1 : -1);
    if (isNum(a) && isNum(b)) return a - b;
    return String(a).localeCompare(String(b), 'en', {numeric: true});
  }

  function runTrialsText(row) {
    // A run still going (or one that stopped early) shows how far it got.
    if (row.status === 'running' || (isNum(row.expected_trials) && row.trials !== row.expected_trials)) {
      return fmtInt(row.trials) + ' / ' + fmtInt(row.expected_trials);
    }
    return fmtInt(row.trials);
  }

  function runRow(row, onPick) {
    const status = toText(row.status);
    const pick = el('input', {type: 'checkbox', class: 'compare-pick', 'aria-label': 'compare ' + toText(row.id)});
    pick.addEventListener('change', () => onPick(row.id, pick.checked));
    return el('tr', {'data-run-id': toText(row.id)},
      el('td', {}, link(route('run', row.id), 'run-link', toText(row.id))),
      el('td', {}, toText(row.suite), row.suite_version ? el('span', {class: 'version'}, '@' + toText(row.suite_version)) : null),
      el('td', {}, toText(row.agent)),
      el('td', {}, row.model === null || row.model === undefined ? NONE : toText(row.model)),
      el('td', {class: 'time'}, fmtTime(row.started)),
      el('td', {}, el('span', {class: 'status status-' + status.replace(/[^a-z_]/g, '')}, status)),
      el('td', {class: 'num'}, runTrialsText(row)),
      el('td', {class: 'num score'}, fmtScore(row.score)),
      el('td', {class: 'num'}, fmt3(row.pass_rate)),
      el('td', {class: 'num' + (row.errors > 0 ? ' has-errors' : '')}, fmtInt(row.errors)),
      el('td', {class: 'num'}, fmtCost(row.cost_usd)),
      el('td', {class: 'pick'}, pick));
  }

  function runsTable(runs) {
    const headers = [['run', null], ['suite', 'suite'], ['agent', 'agent'], ['model', 'model'],
      ['started', 'started'], ['status', 'status'], ['trials', null], ['score [95% CI]', 'score'],
      ['pass rate', null], ['errors', 'errors'], ['cost', 'cost'], ['compare', null]];
    const picked = [];   // in the order they were ticked: the first is a, the second b
    const button = el('button', {id: 'compare-button', type: 'button', disabled: true}, 'compare the two ticked runs');
    const onPick = (id, on) => {
      const at = picked.indexOf(id);
      if (on && at < 0) picked.push(id);
      if (!on && at >= 0) picked.splice(at, 1);
      button.disabled = picked.length !== 2;
      button.title = picked.length === 2 ? 'b − a with a = ' + picked[0] + ', b = ' + picked[1] : 'tick exactly two runs';
    };
    button.addEventListener('click', () => {
      if (picked.length === 2) location.hash = route('compare', picked[0], picked[1]);
    });

    const rows = runs.map((row, position) => ({row: row, position: position, tr: runRow(row, onPick)}));
    rows.forEach((r) => { r.text = r.tr.textContent.toLowerCase(); });
    const tbody = el('tbody', {}, rows.map((r) => r.tr));
    if (rows.length === 0) tbody.appendChild(emptyRow(headers.length, 'No runs in these folders.'));

    let sortKey = null, direction = 1;
    const numeric = new Set(['trials', 'score', 'pass rate', 'errors', 'cost']);
    const ths = headers.map(([label, key]) => {
      const num = numeric.has(key || label) ? ' num' : '';
      if (!key) return el('th', {scope: 'col', class: num.trim() || null}, label);
      const th = el('th', {scope: 'col', 'data-sort': key, class: 'sortable' + num, tabindex: 0, 'aria-sort': 'none'}, label);
      const sort = () => {
        direction = sortKey === key ? -direction : 1;
        sortKey = key;
        const value = RUN_SORTS[key];
        // Descending is exactly the ascending order reversed (ties included), so a second click
        // reverses the rows as the header promises. Ties keep the server's order when ascending.
        rows.sort((a, b) => compareValues(value(a.row), value(b.row)) || a.position - b.position);
        if (direction < 0) rows.reverse();
        rows.forEach((r) => tbody.appendChild(r.tr));   // moves the rows, keeps ticks and focus
        ths.forEach((other) => other.getAttribute('data-sort') && other.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
      return th;
    });

    const filter = el('input', {id: 'runs-filter', type: 'search', placeholder: 'filter runs', 'aria-label': 'filter runs'});
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      rows.forEach((r) => { r.tr.hidden = q !== '' && !r.text.includes(q); });
    });

    return [el('div', {class: 'toolbar'}, filter, button),
      el('div', {class: 'table-wrap'}, el('table', {id: 'runs', class: 'grid'}, el('thead', {}, el('tr', {}, ths)), tbody))];
  }

  function checklistText(checklist) {
    if (!checklist || typeof checklist !== 'object') return NONE;
    return Object.entries(checklist).map(([status, n]) => toText(n) + ' ' + status).join(', ');
  }

  function auditsTable(audits) {
    const tbody = el('tbody', {}, audits.map((a) => el('tr', {'data-audit-id': toText(a.id)},
      el('td', {}, link(route('audit', a.id), 'audit-link', toText(a.id))),
      el('td', {}, toText(a.suite)),
      el('td', {class: 'path'}, toText(a.file)),
      el('td', {class: 'num' + (a.errors > 0 ? ' has-errors' : '')}, fmtInt(a.errors)),
      el('td', {class: 'num'}, fmtInt(a.warnings)),
      el('td', {class: 'num'}, fmtInt(a.info)),
      el('td', {}, checklistText(a.checklist)))));
    if (audits.length === 0) tbody.appendChild(emptyRow(7, 'No audit reports in these folders.'));
    return el('div', {class: 'table-wrap'}, el('table', {id: 'audits', class: 'grid'},
      el('thead', {}, el('tr', {}, ['audit', 'suite', 'file', 'errors', 'warnings', 'info', 'checklist']
        .map((h) => el('th', {scope: 'col'}, h)))), tbody));
  }

  async function showRuns(ctx) {
    const index = await load('api/index');
    if (!ctx.current()) return;
    const runs = Array.isArray(index.runs) ? index.runs : [];
    const audits = Array.isArray(index.audits) ? index.audits : [];
    const problems = Array.isArray(index.problems) ? index.problems : [];
    present('runs', 'Runs', [['runs', '#/runs']], [
      el('h1', {}, 'Runs'),
      problems.length ? el('ul', {id: 'problems', class: 'problems'}, problems.map((p) => el('li', {class: 'warning'}, toText(p)))) : null,
      ...runsTable(runs),
      el('h2', {}, 'Audit reports'),
      auditsTable(audits),
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Run page: #/run/RID (polls every 2 s while the run is live)

  const POLL_MS = 2000;
  const SCORE_COLOUR = '#3366aa';

  /**
   * Draws 95% CI whiskers on bar charts from the dataset's `ci95` array ([lo, hi] or null per bar).
   * A plugin object handed to each chart (not registered globally, not an external plugin).
   */
  const errorBarsPlugin = {
    id: 'assayErrorBars',
    afterDatasetsDraw(chart) {
      const horizontal = chart.options.indexAxis === 'y';
      const scale = horizontal ? chart.scales.x : chart.scales.y;
      const ctx = chart.ctx;
      const area = chart.chartArea;
      chart.data.datasets.forEach((dataset, i) => {
        const meta = chart.getDatasetMeta(i);
        if (!Array.isArray(dataset.ci95) || meta.hidden) return;
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
        ctx.clip();
        ctx.strokeStyle = '#1a1a1a';
        ctx.lineWidth = 1.5;
        meta.data.forEach((bar, j) => {
          const ci = dataset.ci95[j];
          if (!Array.isArray(ci) || !isNum(ci[0]) || !isNum(ci[1])) return;
          const lo = scale.getPixelForValue(ci[0]);
          const hi = scale.getPixelForValue(ci[1]);
          const at = horizontal ? bar.y : bar.x;
          const cap = Math.max(3, Math.min(8, (horizontal ? bar.height : bar.width) / 4 || 6));
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(lo, at); ctx.lineTo(hi, at);
            ctx.moveTo(lo, at - cap); ctx.lineTo(lo, at + cap);
            ctx.moveTo(hi, at - cap); ctx.lineTo(hi, at + cap);
          } else {
            ctx.moveTo(at, lo); ctx.lineTo(at, hi);
            ctx.moveTo(at - cap, lo); ctx.lineTo(at + cap, lo);
            ctx.moveTo(at - cap, hi); ctx.lineTo(at + cap, hi);
          }
          ctx.stroke();
        });
        ctx.restore();
      });
    },
  };

  function chartBox(canvas, height) {
    const box = el('div', {class: 'chart-box'}, canvas);
    if (height) box.style.height = height + 'px';   // CSSOM, not a style attribute: fine under the CSP
    return box;
  }

  function numericKeys(object) {
    return Object.keys(object || {}).sort((a, b) => Number(a) - Number(b));
  }

  function drawPassK(canvas, summary) {
    const ks = numericKeys(summary.pass_at_k);
    const series = (values) => ks.map((k) => (values && isNum(values[k]) ? values[k] : null));
    charts.push(new Chart(canvas, {
      type: 'line',
      data: {
        labels: ks,
        datasets: [
          {label: 'pass@k (some of k trials pass)', data: series(summary.pass_at_k), borderColor: '#2a7a3a',
            backgroundColor: '#2a7a3a', pointStyle: 'circle', pointRadius: 4},
          {label: 'pass^k (all k trials pass)', data: series(summary.pass_hat_k), borderColor: '#a0522d',
            backgroundColor: '#a0522d', pointStyle: 'rectRot', pointRadius: 5, borderDash: [6, 4]},
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {legend: {labels: {usePointStyle: true}}},
        scales: {x: {title: {display: true, text: 'k'}}, y: {min: 0, max: 1, title: {display: true, text: 'share of tasks'}}},
      },
    }));
  }

  // A segment with very many values (one per task, say) would make an unreadable chart; the table
  // beside it lists them all.
  const SEGMENT_CHART_MAX = 40;

  function drawSegment(canvas, values) {
    const shown = values.slice(0, SEGMENT_CHART_MAX);
    // The axis reaches the CI ends, so every whisker shows both its caps (a normal-approximation
    // interval can pass 1 or 0).
    const ends = shown.flatMap(([, s]) => (s && s.score && Array.isArray(s.score.ci95) ? s.score.ci95.filter(isNum) : []));
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: shown.map(([value]) => value),
        datasets: [{
          label: 'mean score',
          data: shown.map(([, s]) => (s && s.score && isNum(s.score.mean) ? s.score.mean : null)),
          ci95: shown.map(([, s]) => (s && s.score ? s.score.ci95 : null)),
          backgroundColor: SCORE_COLOUR + 'aa', borderColor: SCORE_COLOUR, borderWidth: 1,
        }],
      },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {
          legend: {display: false},
          tooltip: {callbacks: {label: (item) => fmtScore(shown[item.dataIndex][1].score) + ' · ' +
            fmtInt(shown[item.dataIndex][1].tasks) + ' tasks'}},
        },
        scales: {x: {suggestedMin: Math.min(0, ...ends), suggestedMax: Math.max(1, ...ends), title: {display: true, text: 'mean score, 95% CI'}}},
      },
      plugins: [errorBarsPlugin],
    }));
  }

  function segmentBlock(key, byValue, later) {
    const values = Object.entries(byValue || {});
    const canvas = el('canvas', {class: 'segment-chart', 'data-key': key, role: 'img',
      'aria-label': 'mean score by ' + key + ' with 95% confidence intervals'});
    later.push(() => drawSegment(canvas, values));
    const shown = Math.min(values.length, SEGMENT_CHART_MAX);
    const table = el('table', {class: 'segment-table grid', 'data-key': key},
      el('thead', {}, el('tr', {}, ['value', 'tasks', 'trials', 'errors', 'pass rate', 'score [95% CI]']
        .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, values.map(([value, s]) => el('tr', {'data-value': value},
        el('th', {scope: 'row'}, value),
        el('td', {class: 'num'}, fmtInt(s && s.tasks)),
        el('td', {class: 'num'}, fmtInt(s && s.trials)),
        el('td', {class: 'num'}, fmtInt(s && s.errors)),
        el('td', {class: 'num'}, fmt3(s && s.pass_rate)),
        el('td', {class: 'num score'}, fmtScore(s && s.score))))));
    return el('div', {class: 'segment', 'data-key': key},
      el('h3', {}, key),
      values.length > shown ? el('p', {class: 'note'}, 'The chart shows the first ' + shown + ' of ' + values.length + ' values; the table lists them all.') : null,
      el('div', {class: 'segment-body'},
        chartBox(canvas, Math.max(110, 26 * shown + 60)),
        el('div', {class: 'table-wrap segment-table-wrap'}, table)));
  }

  function outcomesTable(summary) {
    const outcomes = summary.outcomes || {};
    const keys = OUTCOMES.concat(Object.keys(outcomes).filter((k) => !OUTCOMES.includes(k)));
    return el('table', {id: 'outcomes', class: 'grid compact'},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'outcome'), el('th', {scope: 'col'}, 'trials'))),
      el('tbody', {}, keys.map((k) => el('tr', {'data-outcome': k, class: outcomes[k] > 0 ? 'nonzero' : null},
        el('th', {scope: 'row'}, k.replace(/_/g, ' ')), el('td', {class: 'num'}, fmtInt(outcomes[k] || 0))))));
  }

  function baselinesTable(summary, manifest) {
    const baselines = summary.baselines || (manifest && manifest.baselines) || null;
    const entries = baselines && typeof baselines === 'object' ? Object.entries(baselines) : [];
    const agentRow = el('tr', {class: 'agent-row'},
      el('th', {scope: 'row'}, 'this agent (' + toText(summary.agent) + ')'), el('td', {class: 'num score'}, fmtScore(summary.score)));
    return el('table', {id: 'baselines', class: 'grid compact' + (entries.length ? '' : ' empty')},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'agent'), el('th', {scope: 'col'}, 'score'))),
      el('tbody', {}, agentRow,
        entries.length
          ? entries.map(([name, score]) => el('tr', {'data-baseline': name},
            el('th', {scope: 'row'}, name), el('td', {class: 'num'}, isNum(score) ? fmt3(score) : fmtScore(score))))
          : emptyRow(2, 'No trivial baselines recorded (run with --baselines).')));
  }

  function usageBlock(summary, latency) {
    const usage = summary.usage;
    const rows = [];
    if (usage) {
      const lowerBound = usage.unpriced_calls > 0;
      rows.push(['model calls', fmtInt(usage.model_calls) + (usage.attempts !== usage.model_calls ? ' (' + fmtInt(usage.attempts) + ' attempts)' : '')]);
      rows.push(['tokens', fmtTokens(usage.input_tokens) + ' in · ' + fmtTokens(usage.output_tokens) + ' out']);
      rows.push(['cost', (lowerBound && usage.cost_usd !== null ? 'at least ' : '') + fmtCost(usage.cost_usd) +
        (lowerBound ? ' (' + fmtInt(usage.unpriced_calls) + ' calls without a price)' : '')]);
      rows.push(['mean model latency', fmtMs(usage.mean_latency_ms)]);
    } else {
      rows.push(['model calls', 'none recorded']);
    }
    for (const [name, figures] of Object.entries(latency || {})) {
      if (!figures || typeof figures !== 'object') continue;
      rows.push([name.replace(/_ms$/, '').replace(/_/g, ' ') + ' time',
        'mean ' + fmtMs(figures.mean) + ' · p50 ' + fmtMs(figures.p50) + ' · p95 ' + fmtMs(figures.p95) + ' · max ' + fmtMs(figures.max)]);
    }
    const models = usage && usage.models && typeof usage.models === 'object' ? Object.entries(usage.models) : [];
    return el('div', {id: 'usage'},
      el('dl', {class: 'facts'}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      models.length ? el('table', {class: 'grid compact models'},
        el('thead', {}, el('tr', {}, ['requested model', 'calls', 'served as', 'fingerprints'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, models.map(([name, m]) => el('tr', {},
          el('th', {scope: 'row'}, name), el('td', {class: 'num'}, fmtInt(m && m.calls)),
          el('td', {}, toText((m && m.served_models) || []).replace(/[[\]\n"]/g, '').trim() || NONE),
          el('td', {}, Array.isArray(m && m.fingerprints) && m.fingerprints.length ? m.fingerprints.map(toText).join(', ') : NONE))))) : null);
  }

  function runHeader(data) {
    const manifest = data.manifest || {};
    const summary = data.summary || {};
    const suite = manifest.suite || {};
    const agent = manifest.agent || {};
    const model = agent.options && agent.options.model;
    return [
      el('h1', {id: 'run-title'}, toText(data.id)),
      el('p', {class: 'subtitle'},
        toText(suite.id || summary.suite), suite.version ? '@' + toText(suite.version) : '', ' · agent ', toText(agent.name || summary.agent),
        model ? ' · model ' + toText(model) : ''),
      el('div', {class: 'status-line'},
        el('span', {id: 'status', class: 'status'}, toText(manifest.status || 'unknown')),
        data.live && !embedded ? el('span', {id: 'live', class: 'live-badge', title: 'updating every 2 seconds'}, 'live') : null,
        el('span', {id: 'progress'}, fmtInt(summary.trials) + ' / ' + fmtInt(summary.expected_trials) + ' trials')),
      manifest.reason ? el('p', {id: 'reason', class: 'reason'}, toText(manifest.reason)) : null,
    ];
  }

  function runContent(rid, data, later) {
    const summary = data.summary || {};
    const warnings = summary.usage && Array.isArray(summary.usage.warnings) ? summary.usage.warnings : [];
    const segments = summary.segments && typeof summary.segments === 'object' ? Object.entries(summary.segments) : [];
    const hasPassK = summary.pass_at_k && Object.keys(summary.pass_at_k).length > 0;
    const passk = el('canvas', {id: 'passk-chart', role: 'img', 'aria-label': 'pass@k and pass^k over k'});
    if (hasPassK) later.push(() => drawPassK(passk, summary));

    return [
      ...runHeader(data),
      warnings.length ? el('ul', {id: 'warnings', class: 'warnings', 'aria-label': 'model identity warnings'},
        warnings.map((w) => el('li', {class: 'warning'}, toText(w)))) : null,
      el('div', {class: 'cards'},
        el('div', {class: 'card'}, el('div', {class: 'label'}, 'score [95% CI]'), el('div', {id: 'score', class: 'big'}, fmtScore(summary.score))),
        el('div', {class: 'card'}, el('div', {class: 'label'}, 'pass rate'), el('div', {id: 'pass-rate', class: 'big'}, fmt3(summary.pass_rate))),
        el('div', {class: 'card'}, el('div', {class: 'label'}, 'errors (harness + judge)'), el('div', {class: 'big'}, fmtInt(summary.errors))),
        el('div', {class: 'card'}, el('div', {class: 'label'}, 'tasks'), link(route('run', rid, 'tasks'), 'big', 'all tasks →'))),
      el('p', {}, el('a', {id: 'tasks-link', href: route('run', rid, 'tasks')}, 'Every task with its outcome over epochs')),
      el('div', {class: 'columns'},
        section('Outcomes', outcomesTable(summary)),
        section('Score beside trivial baselines', baselinesTable(summary, data.manifest))),
      section('pass@k and pass^k',
        hasPassK ? chartBox(passk, 260) : el('p', {class: 'empty'}, 'Nothing was scored yet, so there is no pass@k.')),
      section('Segments',
        segments.length ? segments.map(([key, byValue]) => segmentBlock(key, byValue, later))
          : el('p', {class: 'empty'}, 'The tasks have no metadata to segment by.')),
      section('Cost and latency', usageBlock(summary, data.latency)),
      // Not folded: the manifest is the harness's own record and is read whole.
      section('Manifest', el('pre', {id: 'manifest', class: 'manifest'}, JSON.stringify(data.manifest === undefined ? null : data.manifest, null, 2))),
    ];
  }

  async function showRun(ctx, rid) {
    const data = await load(apiPath('runs', rid));
    if (!ctx.current()) return;
    renderRun(rid, data);
    if (data.live && !embedded) schedulePoll(ctx, rid);   // a file holds one moment: nothing to poll
  }

  function renderRun(rid, data) {
    const later = [];
    const content = runContent(rid, data, later);
    present('run', toText(data.id), runCrumbs(rid), content, () => later.forEach((draw) => draw()));
  }

  /** While the run is live, reload it every 2 s and re-render in place (data-page stays 'run'). */
  function schedulePoll(ctx, rid) {
    pollTimer = setTimeout(async () => {
      let data;
      try {
        data = await load(apiPath('runs', rid));
      } catch (error) {
        if (!ctx.current()) return;
        const notice = document.getElementById('poll-error') || main.insertBefore(el('p', {id: 'poll-error', class: 'warning'}), main.firstChild);
        notice.textContent = 'Could not refresh: ' + error.message + ' (trying again)';
        schedulePoll(ctx, rid);
        return;
      }
      if (!ctx.current()) return;
      const scroll = window.scrollY;
      renderRun(rid, data);
      window.scrollTo(0, scroll);
      if (data.live && !embedded) schedulePoll(ctx, rid);
    }, POLL_MS);
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks page: #/run/RID/tasks?status=&segment=&q=&page=
  // 100,000 trials must stay responsive: the list is indexed once, filters run in memory over
  // plain arrays, and only the 100 rows of the current page are ever in the DOM.

  const PAGE_SIZE = 100;
  const SEARCH_DEBOUNCE_MS = 150;
  let tasksCache = null;     // {rid, index}: in a file, coming back to its tasks page reuses the indexed list

  function metadataText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** One pass over the tasks: status flags, search text and segment memberships per task. */
  function indexTasks(doc) {
    const tasks = Array.isArray(doc.tasks) ? doc.tasks : [];
    const keys = Array.isArray(doc.segment_keys) ? doc.segment_keys.map(toText) : [];
    const segmentValues = new Map(keys.map((k) => [k, new Set()]));
    const entries = tasks.map((task) => {
      const trials = Array.isArray(task.trials) ? task.trials : [];
      let passed = 0, failed = 0, errored = 0;
      for (const trial of trials) {
        const s = trialStatus(trial);
        if (s === 'passed') passed++; else if (s === 'error') errored++; else failed++;
      }
      const metadata = task.metadata && typeof task.metadata === 'object' ? task.metadata : {};
      const segments = [];
      for (const key of keys) {
        if (!Object.prototype.hasOwnProperty.call(metadata, key)) continue;
        const value = metadataText(metadata[key]);
        segmentValues.get(key).add(value);
        segments.push(key + '=' + value);
      }
      const search = [toText(task.id)].concat(Object.values(metadata).map(metadataText)).join('\u0000').toLowerCase();
      return {task: task, trials: trials, search: search, segments: segments,
        allPassed: trials.length > 0 && passed === trials.length, someFailed: failed > 0, someError: errored > 0};
    });
    const segmentOptions = [];
    for (const [key, values] of segmentValues) {
      [...values].sort((a, b) => a.localeCompare(b, 'en', {numeric: true})).forEach((v) => segmentOptions.push(key + '=' + v));
    }
    return {epochs: isNum(doc.epochs) ? doc.epochs : 0, entries: entries, segmentOptions: segmentOptions};
  }

  // The segment select's "all" option; segment options are key=value, so never just "all".
  const ALL_SEGMENTS = 'all';

  const STATUS_FILTERS = {
    all: () => true,
    passed: (e) => e.allPassed,
    failed: (e) => e.someFailed,
    error: (e) => e.someError,
  };

  function tasksState(query) {
    const status = Object.prototype.hasOwnProperty.call(STATUS_FILTERS, query.get('status')) ? query.get('status') : 'all';
    const page = parseInt(query.get('page') || '1', 10);
    const segment = query.get('segment') || '';
    return {status: status, segment: segment === ALL_SEGMENTS ? '' : segment, q: query.get('q') || '', page: page > 0 ? page : 1};
  }

  function tasksQuery(state) {
    const query = new URLSearchParams();
    if (state.status !== 'all') query.set('status', state.status);
    if (state.segment) query.set('segment', state.segment);
    if (state.q) query.set('q', state.q);
    if (state.page > 1) query.set('page', String(state.page));
    const text = query.toString();
    return text ? '?' + text : '';
  }

  function sameFilter(a, b) {
    return a.status === b.status && a.segment === b.segment && a.q === b.q;
  }

  function epochsCell(entry, epochs) {
    // One mark per epoch in epoch order; an epoch not run yet (a live run) is a dot, not an outcome.
    const byEpoch = [];
    const extra = [];
    for (const trial of entry.trials) {
      if (isNum(trial.epoch) && trial.epoch >= 0 && trial.epoch < epochs && !byEpoch[trial.epoch]) byEpoch[trial.epoch] = trial;
      else extra.push(trial);
    }
    const marks = [];
    for (let e = 0; e < epochs; e++) {
      marks.push(byEpoch[e] ? outcomeBadge(byEpoch[e]) : el('span', {class: 'trial-pending', title: 'epoch ' + e + ' not run yet'}, '·'));
    }
    extra.forEach((trial) => marks.push(outcomeBadge(trial)));
    return el('td', {class: 'epochs'}, marks);
  }

  function taskRow(rid, entry, epochs) {
    const task = entry.task;
    const metadata = task.metadata && typeof task.metadata === 'object' ? Object.entries(task.metadata) : [];
    return el('tr', {'data-task-id': toText(task.id)},
      el('td', {}, link(route('run', rid, 'task', task.id), 'task-link', toText(task.id))),
      epochsCell(entry, epochs),
      el('td', {class: 'num score'}, fmt3(task.mean_score)),
      el('td', {class: 'metadata'}, metadata.map(([k, v]) => el('span', {class: 'tag'}, k + '=' + metadataText(v)))));
  }

  function showTasksPage(ctx, rid, doc, query) {
    const index = indexTasks(doc);
    tasksCache = {rid: rid, index: index};
    return renderTasks(ctx, rid, index, query);
  }

  function renderTasks(ctx, rid, index, query) {
    let state = tasksState(query);
    let filtered = null;

    const search = el('input', {id: 'task-search', type: 'search', placeholder: 'search task ids and metadata',
      'aria-label': 'search tasks', value: state.q});
    // Option texts are the values themselves (all, passed, key=value), what people select by.
    const status = el('select', {id: 'task-status', 'aria-label': 'status'},
      [['all', 'every task'], ['passed', 'every trial passed'], ['failed', 'some trial failed'], ['error', 'some trial had a harness or judge error']]
        .map(([value, title]) => el('option', {value: value, title: title}, value)));
    const segment = el('select', {id: 'task-segment', 'aria-label': 'segment'},
      el('option', {value: ALL_SEGMENTS}, 'all'), index.segmentOptions.map((s) => el('option', {value: s}, s)));
    const count = el('span', {id: 'tasks-count', 'aria-live': 'polite'});
    const prevPage = el('button', {id: 'prev-page', type: 'button'}, '‹ previous');
    const nextPage = el('button', {id: 'next-page', type: 'button'}, 'next ›');
    const pageNumber = el('span', {id: 'page-number'});
    const tbody = el('tbody', {});

    function applyFilter() {
      const q = state.q.trim().toLowerCase();
      const keep = STATUS_FILTERS[state.status];
      filtered = index.entries.filter((e) => keep(e) && (!state.segment || e.segments.includes(state.segment)) && (!q || e.search.includes(q)));
    }

    /** Shows `state`: refilters only when a filter changed, and renders one page of rows. */
    function show(wanted, force) {
      if (force || !filtered || !sameFilter(state, wanted)) { state = wanted; applyFilter(); }
      state = wanted;
      const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
      if (state.page > pages) state = Object.assign({}, state, {page: pages});
      status.value = state.status;
      segment.value = state.segment || ALL_SEGMENTS;
      if (segment.value !== (state.segment || ALL_SEGMENTS)) segment.value = ALL_SEGMENTS;   // a segment the run does not have
      const start = (state.page - 1) * PAGE_SIZE;
      const rows = filtered.slice(start, start + PAGE_SIZE).map((e) => taskRow(rid, e, index.epochs));
      tbody.replaceChildren(...(rows.length ? rows : [emptyRow(4, index.entries.length ? 'No task matches these filters.' : 'No tasks yet.')]));
      count.textContent = fmtInt(filtered.length) + ' of ' + fmtInt(index.entries.length) + ' tasks';
      pageNumber.textContent = 'page ' + state.page + ' of ' + pages;
      prevPage.disabled = state.page <= 1;
      nextPage.disabled = state.page >= pages;
    }

    /**
     * A change made on the page: show it now and write it to the hash (push: back undoes it).
     * A search still waiting out its debounce goes along, so what the box says is what is shown.
     */
    function change(patch, replace) {
      if (searchTimer !== null) {
        clearTimeout(searchTimer);
        searchTimer = null;
        patch = Object.assign({q: search.value, page: 1}, patch);
      }
      const next = Object.assign({}, state, patch);
      show(next);
      const hash = route('run', rid, 'tasks') + tasksQuery(state);
      if (location.hash === hash) return;
      if (replace) location.replace(hash); else location.hash = hash;
    }

    search.addEventListener('input', () => {
      clearTimeout(searchTimer);
      // Typing replaces the hash entry rather than adding one per pause.
      searchTimer = setTimeout(() => {
        searchTimer = null;
        change({q: search.value, page: 1}, true);
      }, SEARCH_DEBOUNCE_MS);
    });
    status.addEventListener('change', () => change({status: status.value, page: 1}));
    segment.addEventListener('change', () => change({segment: segment.value === ALL_SEGMENTS ? '' : segment.value, page: 1}));
    prevPage.addEventListener('click', () => change({page: state.page - 1}));
    nextPage.addEventListener('click', () => change({page: state.page + 1}));

    const pager = () => el('div', {class: 'pager'}, prevPage, pageNumber, nextPage);
    show(state, true);
    present('tasks', 'Tasks of ' + rid, runCrumbs(rid).concat([['tasks', route('run', rid, 'tasks')]]), [
      el('h1', {}, 'Tasks of ', el('span', {class: 'run-id'}, rid)),
      el('div', {class: 'toolbar'}, search, status, segment, count),
      pager(),
      el('div', {class: 'table-wrap'}, el('table', {id: 'tasks', class: 'grid'},
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'task'),
          el('th', {scope: 'col'}, 'epochs (' + index.epochs + ')'),
          el('th', {scope: 'col'}, 'mean score'), el('th', {scope: 'col'}, 'metadata'))),
        tbody)),
      el('p', {class: 'legend'}, el('span', {class: 'outcome-mark passed'}, '✓'), ' passed  ',
        el('span', {class: 'outcome-mark failed'}, '✗'), ' failed  ', el('span', {class: 'outcome-mark error'}, '!'),
        ' harness or judge error (hover a mark for its outcome)'),
    ]);

    // The router hands hash changes for this same page here (back/forward, or our own writes).
    return {
      update(query2) {
        const next = tasksState(query2);
        if (sameFilter(next, state) && next.page === state.page) return;   // our own write coming back
        clearTimeout(searchTimer);   // back/forward wins over a search still being typed
        searchTimer = null;
        if (search.value !== next.q) search.value = next.q;
        show(next);
      },
    };
  }

  async function showTasks(ctx, rid, query) {
    // a file's data never changes; the server's run may have grown since, so it is asked again
    if (embedded && tasksCache && tasksCache.rid === rid) return renderTasks(ctx, rid, tasksCache.index, query);
    const doc = await load(apiPath('runs', rid, 'tasks'));
    if (!ctx.current()) return null;
    return showTasksPage(ctx, rid, doc, query);
  }

  // ---------------------------------------------------------------------------------------------
  // Trial page: #/run/RID/task/TID, one section per trial (epoch) with its transcript

  function facts(pairs) {
    return el('dl', {class: 'facts'}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }

  /** One trace step per kind; unknown kinds show their kind and data as JSON. */
  const STEP_RENDERERS = {
    message: stepMessage,
    tool_call: stepToolCall,
    model_call: stepModelCall,
    command: stepCommand,
    note: stepNote,
  };

  function stepMessage(data) {
    const role = toText(data.role);
    return [el('span', {class: 'role', 'data-role': role}, role), foldable('div', {class: 'content'}, data.content)];
  }

  function stepToolCall(data) {
    const failed = data.error === true;
    return [
      el('span', {class: 'tool-name'}, toText(data.name)),
      el('div', {class: 'label'}, 'arguments'),
      foldable('pre', {class: 'tool-arguments'}, typeof data.arguments === 'string' ? data.arguments : JSON.stringify(data.arguments, null, 2)),
      el('div', {class: 'label'}, failed ? 'result (error)' : 'result'),
      foldable('pre', {class: 'tool-result' + (failed ? ' tool-error' : '')}, data.result),
    ];
  }

  /**
   * What the endpoint says it served is evidence of the model's identity. A dated snapshot of the
   * requested alias (gpt-4o-2024-08-06 for gpt-4o) is the same model; anything else is flagged.
   */
  function servedModel(data) {
    const requested = toText(data.model), served = toText(data.served_model);
    if (!served || served === requested) return null;
    const same = served.startsWith(requested + '-');
    return el('span', {class: 'served-model' + (same ? '' : ' different'), title: 'the model the endpoint says it served'},
      (same ? '' : '⚠ ') + 'served as ' + served);
  }

  function modelCallSummary(data) {
    return [
      el('span', {class: 'model'}, toText(data.provider ? data.provider + '/' : ''), toText(data.model)),
      data.actor === 'user' ? el('span', {class: 'actor'}, '(the user)') : null,
      servedModel(data),
      el('span', {class: 'tokens'}, fmtTokens(data.input_tokens) + ' tokens in · ' + fmtTokens(data.output_tokens) + ' out'),
      el('span', {class: 'latency'}, fmtMs(data.latency_ms)),
      el('span', {class: 'cost'}, data.cost_usd === null || data.cost_usd === undefined ? 'no price' : fmtCost(data.cost_usd)),
    ];
  }

  function modelCallDetails(data) {
    const meta = [['fingerprint', data.fingerprint], ['stop', data.stop_reason],
      ['attempts', isNum(data.attempts) && data.attempts > 1 ? data.attempts : null]]
      .filter(([, v]) => v !== null && v !== undefined && v !== '');
    return [
      meta.length ? el('div', {class: 'model-call-meta'}, meta.map(([k, v]) => el('span', {}, k + ' ', el('code', {}, toText(v))))) : null,
      data.request !== undefined ? el('details', {class: 'raw'}, el('summary', {}, 'request'), jsonBlock('model-request', data.request)) : null,
      data.response !== undefined ? el('details', {class: 'raw'}, el('summary', {}, 'response'), jsonBlock('model-response', data.response)) : null,
    ];
  }

  function stepModelCall(data) {
    return [el('div', {class: 'model-call-line'}, modelCallSummary(data)), modelCallDetails(data)];
  }

  function stepCommand(data) {
    const exit = data.timed_out === true ? 'timed out' : 'exit ' + toText(data.exit_code);
    const ok = data.exit_code === 0 && data.timed_out !== true;
    return [
      foldable('pre', {class: 'command'}, data.command),
      el('span', {class: 'exit-code' + (ok ? '' : ' nonzero')}, exit),
      el('div', {class: 'label'}, 'stdout'), foldable('pre', {class: 'stdout'}, data.stdout),
      el('div', {class: 'label'}, 'stderr'), foldable('pre', {class: 'stderr'}, data.stderr),
    ];
  }

  function stepNote(data) {
    return [foldable('div', {class: 'note'}, data.text)];
  }

  function stepOther(kind, data) {
    return [el('span', {class: 'step-kind-name'}, kind), jsonBlock('step-data', data)];
  }

  function transcript(trace) {
    if (!Array.isArray(trace) || trace.length === 0) return el('p', {class: 'empty'}, 'No transcript: the agent recorded no steps.');
    return el('ol', {class: 'transcript'}, trace.map((step, i) => {
      const kind = step && typeof step.kind === 'string' ? step.kind : 'unknown';
      const data = step && step.data && typeof step.data === 'object' ? step.data : {};
      const render = Object.prototype.hasOwnProperty.call(STEP_RENDERERS, kind) ? STEP_RENDERERS[kind] : null;
      // The class takes only safe characters; the kind itself is shown as text.
      return el('li', {class: 'step step-' + kind.replace(/[^A-Za-z0-9_-]/g, '_'), 'data-step': i},
        el('div', {class: 'step-head'}, el('span', {class: 'step-number'}, '#' + (i + 1)), ' ', el('span', {class: 'step-kind'}, kind.replace(/_/g, ' '))),
        render ? render(data) : stepOther(kind, step && 'data' in step ? step.data : step));
    }));
  }

  /**
   * Judge verdicts anywhere in the evidence (a judge's own, or a component of all/any checks):
   * objects holding `model_calls`, with their `judges` (model, verdict, reason) when present.
   */
  function findJudgements(value, found, depth) {
    if (!value || typeof value !== 'object' || depth > 12) return found;
    if (Array.isArray(value)) {
      value.forEach((v) => findJudgements(v, found, depth + 1));
      return found;
    }
    if (Array.isArray(value.model_calls)) found.push(value);
    for (const [k, v] of Object.entries(value)) if (k !== 'model_calls') findJudgements(v, found, depth + 1);
    return found;
  }

  function judgeBlock(judgement) {
    const judges = Array.isArray(judgement.judges) ? judgement.judges : [];
    return el('div', {class: 'judgement'},
      judges.map((j) => el('div', {class: 'judge-verdict' + (j && j.verdict === 'correct' ? ' correct' : ' other')},
        el('span', {class: 'model'}, toText(j && j.model)), ': ',
        el('strong', {class: 'verdict'}, toText(j && (j.verdict || (j.error ? 'no verdict' : '')))),
        j && j.reason ? [' — ', el('span', {class: 'rationale'}, toText(j.reason))] : null,
        j && j.error ? [' — ', el('span', {class: 'judge-error'}, toText(j.error)), j.reply ? foldable('pre', {class: 'judge-reply'}, j.reply) : null] : null)),
      judgement.verdict !== undefined ? el('p', {}, 'verdict: ', el('strong', {class: 'verdict'}, toText(judgement.verdict))) : null,
      judgement.rationale !== undefined ? el('p', {class: 'rationale'}, toText(judgement.rationale)) : null,
      judgement.model_calls.map((call) => {
        const data = call && typeof call === 'object' ? call : {};
        return el('div', {class: 'judge-call'}, el('div', {class: 'model-call-line'}, modelCallSummary(data)), modelCallDetails(data));
      }));
  }

  function rewardBlock(reward) {
    if (!reward) return el('p', {class: 'empty'}, 'Not graded (no reward recorded).');
    const judgements = findJudgements(reward.evidence, [], 0);
    return el('div', {class: 'reward'},
      foldable('p', {class: 'reward-explanation'}, reward.explanation),
      judgements.length ? el('div', {class: 'judges'}, el('h4', {}, 'Judge verdicts'), judgements.map(judgeBlock)) : null,
      el('h4', {}, 'Evidence'),
      jsonBlock('evidence', reward.evidence));
  }

  function trialSection(trial) {
    const status = trialStatus(trial);
    const output = trial.output && typeof trial.output === 'object' ? trial.output : null;
    const usage = trial.usage;
    return el('section', {class: 'trial panel ' + status, 'data-epoch': toText(trial.epoch)},
      el('h2', {}, 'Epoch ' + toText(trial.epoch)),
      el('p', {class: 'trial-outcome ' + status},
        el('span', {class: 'mark'}, STATUS_MARK[status] + ' '),
        toText(trial.outcome), ' · score ', fmt3(trial.score), ' · ', trial.passed === true ? 'passed' : 'not passed'),
      facts([['attempts', fmtInt(trial.attempts)], ['started', fmtTime(trial.started)], ['agent time', fmtMs(trial.agent_ms)],
        ['grading time', fmtMs(trial.grading_ms)], ['seed', toText(trial.seed)],
        ['model use', usage ? fmtInt(usage.model_calls) + ' calls · ' + fmtTokens(usage.input_tokens) + ' tokens in · ' +
          fmtTokens(usage.output_tokens) + ' out · ' + fmtCost(usage.cost_usd) : null]]),
      trial.error ? foldable('pre', {class: 'trial-error'}, trial.error) : null,
      el('h3', {}, 'Answer'),
      output ? foldable('pre', {class: 'answer'}, output.answer) : el('p', {class: 'empty answer-missing'}, 'No output recorded.'),
      el('h3', {}, 'Reward'),
      rewardBlock(trial.reward),
      el('h3', {}, 'Transcript'),
      transcript(output ? output.trace : null),
      trial.metadata && Object.keys(trial.metadata).length ? el('details', {class: 'raw'}, el('summary', {}, 'task metadata'), jsonBlock('metadata', trial.metadata)) : null);
  }

  async function showTrial(ctx, rid, tid) {
    const doc = await load(apiPath('runs', rid, 'tasks', tid));
    if (!ctx.current()) return;
    const trials = Array.isArray(doc.trials) ? doc.trials : [];
    present('trial', toText(doc.task || tid), runCrumbs(rid).concat([['tasks', route('run', rid, 'tasks')], [tid, route('run', rid, 'task', tid)]]), [
      el('h1', {}, 'Task ', el('span', {id: 'task-title', class: 'task-id'}, toText(doc.task || tid))),
      el('p', {class: 'subtitle'}, 'in run ', link(route('run', rid), 'run-link', rid), ' · ' + trials.length + (trials.length === 1 ? ' trial' : ' trials'),
        trials.length ? [' · ', trials.map((t) => outcomeBadge(t, 'outcome-mark'))] : null),
      trials.length ? trials.map(trialSection) : el('p', {class: 'empty'}, 'No trials of this task yet.'),
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Audit page: #/audit/AID

  const SEVERITIES = ['error', 'warning', 'info'];

  function plural(n, word) {
    return fmtInt(n) + ' ' + word + (n === 1 ? '' : 's');
  }

  function findingBlock(finding) {
    const severity = SEVERITIES.includes(finding.severity) ? finding.severity : 'info';
    const tasks = Array.isArray(finding.tasks) && finding.tasks.length ? finding.tasks : (finding.task ? [finding.task] : []);
    const instances = Array.isArray(finding.instances) ? finding.instances : [];
    return el('div', {class: 'finding severity-' + severity, 'data-probe': toText(finding.probe), 'data-severity': toText(finding.severity)},
      el('div', {class: 'finding-head'},
        el('span', {class: 'severity ' + severity}, toText(finding.severity)),
        el('span', {class: 'probe'}, toText(finding.probe)),
        Array.isArray(finding.abc) && finding.abc.length ? el('span', {class: 'abc'}, finding.abc.map(toText).join(', ')) : null),
      foldable('p', {class: 'message'}, finding.message),
      tasks.length ? el('p', {class: 'tasks-line'}, 'tasks: ', el('span', {class: 'tasks'}, tasks.map(toText).join(', '))) : null,
      jsonBlock('evidence', finding.evidence),
      instances.length ? el('details', {class: 'instances'},
        el('summary', {}, plural(instances.length, 'instance')),
        instances.map((inst) => el('div', {class: 'instance'},
          el('h4', {}, 'task ', el('span', {class: 'task-id'}, toText(inst && inst.task))),
          foldable('p', {class: 'message'}, inst && inst.message),
          jsonBlock('evidence', inst && inst.evidence)))) : null);
  }

  /** Findings grouped by cause, groups in order of their worst severity, then as they came. */
  function groupByCause(findings) {
    const groups = new Map();
    for (const f of findings) {
      const cause = f && f.cause !== null && f.cause !== undefined && f.cause !== '' ? toText(f.cause) : '';
      if (!groups.has(cause)) groups.set(cause, []);
      groups.get(cause).push(f);
    }
    const rank = (list) => Math.min(...list.map((f) => { const i = SEVERITIES.indexOf(f.severity); return i < 0 ? 3 : i; }));
    return [...groups.entries()].map(([cause, list], order) => ({cause, list, order, rank: rank(list)}))
      .sort((a, b) => a.rank - b.rank || a.order - b.order);
  }

  function checklistTable(checklist) {
    return el('table', {id: 'checklist', class: 'grid'},
      el('thead', {}, el('tr', {}, ['item', 'status', 'probes', 'why'].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, checklist.map((c) => {
        const status = toText(c.status);
        return el('tr', {'data-item': toText(c.item), 'data-status': status},
          el('th', {scope: 'row'}, toText(c.item)),
          el('td', {class: 'status checklist-' + status.replace(/[^a-z]/g, '')}, status),
          el('td', {class: 'probes'}, Array.isArray(c.probes) ? c.probes.map(toText).join(', ') : ''),
          el('td', {class: 'why'}, toText(c.why)));
      })));
  }

  async function showAudit(ctx, aid) {
    const audit = await load(apiPath('audits', aid));
    if (!ctx.current()) return;
    const findings = Array.isArray(audit.findings) ? audit.findings : [];
    const checklist = Array.isArray(audit.checklist) ? audit.checklist : [];
    const summary = audit.summary && typeof audit.summary === 'object' ? audit.summary : {};
    const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f && f.severity === s).length]);
    const baselines = summary.baselines && typeof summary.baselines === 'object' ? Object.entries(summary.baselines) : [];
    const notApplicable = summary.not_applicable && typeof summary.not_applicable === 'object' ? Object.entries(summary.not_applicable) : [];
    // Probes that applied but lacked what they need (the memorization probe without --model): their items read not checked.
    const notRun = summary.not_run && typeof summary.not_run === 'object' ? Object.entries(summary.not_run) : [];
    present('audit', 'Audit of ' + toText(audit.suite), [['runs', '#/runs'], ['audit ' + aid, route('audit', aid)]], [
      el('h1', {}, 'Audit of ', el('span', {id: 'audit-title'}, toText(audit.suite))),
      el('p', {id: 'audit-counts', class: 'counts'}, counts.map(([s, n], i) => [i ? ', ' : '',
        el('span', {class: 'severity ' + s, 'data-severity': s}, s === 'info' ? fmtInt(n) + ' info' : plural(n, s))])),
      section('Findings by cause', findings.length
        ? groupByCause(findings).map((g) => el('section', {class: 'cause-group'},
          el('h3', {class: 'cause-heading'}, g.cause || 'other findings'),
          g.list.map(findingBlock)))
        : el('p', {class: 'empty'}, 'No findings.')),
      section('Checklist (ABC)', checklist.length ? checklistTable(checklist) : el('p', {class: 'empty'}, 'No checklist in this report.')),
      baselines.length ? section('Trivial baselines', el('table', {class: 'grid compact audit-baselines'}, el('tbody', {},
        baselines.map(([name, score]) => el('tr', {}, el('th', {scope: 'row'}, name), el('td', {class: 'num'}, fmt3(score))))))) : null,
      notApplicable.length ? section('Probes that did not apply', el('ul', {class: 'not-applicable'},
        notApplicable.map(([probe, why]) => el('li', {}, el('span', {class: 'probe'}, probe), ': ', toText(why))))) : null,
      notRun.length ? section('Probes that could not run', el('ul', {class: 'not-run'},
        notRun.map(([probe, why]) => el('li', {}, el('span', {class: 'probe'}, probe), ': ', toText(why))))) : null,
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Compare page: #/compare/RID_A/RID_B

  function compareSide(label, row) {
    row = row || {};
    return el('div', {class: 'card compare-side'},
      el('div', {class: 'label'}, label),
      el('div', {}, link(route('run', row.id), 'run-link', toText(row.id))),
      el('div', {class: 'subtitle'}, toText(row.suite), row.suite_version ? '@' + toText(row.suite_version) : '', ' · ', toText(row.agent),
        row.model ? ' · ' + toText(row.model) : ''),
      el('div', {class: 'big'}, fmtScore(row.score)));
  }

  function flipSide(side) {
    side = side || {};
    return fmt3(side.mean_score) + ' (' + toText(side.passed) + ' of ' + toText(side.trials) + ' passed)';
  }

  /** The paired difference as one bar with its CI, on an axis centred on 0 (no difference). */
  function drawPaired(canvas, paired) {
    const ci = Array.isArray(paired.ci95) ? paired.ci95 : null;
    const reach = Math.max(0.05, Math.abs(paired.mean_difference), ...(ci ? ci.filter(isNum).map(Math.abs) : [])) * 1.15;
    const colour = paired.mean_difference < 0 ? '#b42318' : '#1d7a35';
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {labels: ['b − a'], datasets: [{label: 'mean difference', data: [paired.mean_difference], ci95: [ci],
        backgroundColor: colour + '99', borderColor: colour, borderWidth: 1, barPercentage: 0.5}]},
      options: {indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {legend: {display: false}, tooltip: {enabled: false}},
        scales: {x: {min: -reach, max: reach, grid: {color: (c) => (c.tick && c.tick.value === 0 ? '#444' : '#e5e5e5')}}}},
      plugins: [errorBarsPlugin],
    }));
  }

  async function showCompare(ctx, ridA, ridB) {
    const doc = await load(apiPath('compare', ridA, ridB));
    if (!ctx.current()) return;
    const flips = doc.comparable && Array.isArray(doc.flips) ? doc.flips : [];
    const better = flips.filter((f) => f.direction === 'better').length;
    const worse = flips.filter((f) => f.direction === 'worse').length;
    const paired = doc.paired;
    const pairedText = paired && paired.mean_difference !== null && paired.mean_difference !== undefined
      ? 'b − a = ' + fmtSigned3(paired.mean_difference) +
        (Array.isArray(paired.ci95) ? ' [' + fmtSigned3(paired.ci95[0]) + ', ' + fmtSigned3(paired.ci95[1]) + ']' : '') +
        ' over ' + plural(paired.tasks, 'task')
      : 'No paired difference: the runs have no scored task in common.';
    const a = doc.a || {id: ridA}, b = doc.b || {id: ridB};
    const canvas = el('canvas', {id: 'paired-chart', role: 'img', 'aria-label': pairedText});
    const hasPaired = paired && isNum(paired.mean_difference);
    const pairedChart = hasPaired ? chartBox(canvas, 90) : null;
    const idA = a.id || ridA, idB = b.id || ridB;
    present('compare', 'Compare', [['runs', '#/runs'], ['compare', route('compare', ridA, ridB)]], [
      el('h1', {id: 'compare-title'}, 'Compare ', el('span', {class: 'run-id'}, toText(idA)), ' with ', el('span', {class: 'run-id'}, toText(idB))),
      doc.comparable ? null : el('p', {id: 'compare-problem', class: 'warning', role: 'alert'},
        'Not comparable: ', toText(doc.problem || 'the runs are of different suites.')),
      el('div', {class: 'cards'}, compareSide('a', a), compareSide('b', b)),
      el('p', {id: 'paired', class: 'big-line'}, pairedText),
      pairedChart,
      el('p', {class: 'note'}, fmtInt(doc.tasks) + ' tasks in both; ' + fmtInt(doc.only_in_a) + ' only in a, ' + fmtInt(doc.only_in_b) + ' only in b.'),
      section('Tasks that flipped',
        el('p', {id: 'flip-counts'}, better + ' better, ' + worse + ' worse'),
        el('div', {class: 'table-wrap'}, el('table', {id: 'flips', class: 'grid'},
          el('thead', {}, el('tr', {}, ['task', 'direction', 'a', 'b'].map((h) => el('th', {scope: 'col'}, h)))),
          el('tbody', {}, flips.length ? flips.map((f) => {
            const direction = toText(f.direction);
            return el('tr', {'data-task-id': toText(f.task), class: 'flip-' + direction.replace(/[^a-z]/g, '')},
              el('th', {scope: 'row'}, toText(f.task)),
              el('td', {class: 'direction ' + direction.replace(/[^a-z]/g, '')}, direction),
              el('td', {}, link(route('run', idA, 'task', f.task), 'task-link task-link-a', flipSide(f.a))),
              el('td', {}, link(route('run', idB, 'task', f.task), 'task-link task-link-b', flipSide(f.b))));
          }) : emptyRow(4, doc.comparable ? 'No task flipped.' : 'Flips are only listed for comparable runs.'))))),
    ], () => { if (hasPaired) drawPaired(canvas, paired); });
  }

  // ---------------------------------------------------------------------------------------------
  // Router

  let generation = 0;       // bumps on every navigation, so a slow load cannot paint over a newer page
  let currentView = null;   // {key, view}: a page that can take a new query in place (tasks)

  /** '#/run/a%2Fb/tasks?page=2' → {parts: ['run', 'a/b', 'tasks'], query}. */
  function parseHash(hash) {
    const text = hash.replace(/^#\/?/, '');
    const q = text.indexOf('?');
    const path = q < 0 ? text : text.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
    const parts = path === '' ? [] : path.split('/').map((p) => decodeURIComponent(p));
    return {parts: parts, query: query};
  }

  /** The page for a hash: a key (same key = same page, new query) and how to open it. */
  function resolve(parts) {
    const [head] = parts;
    if (parts.length === 0 || (head === 'runs' && parts.length === 1)) return {key: 'runs', open: (ctx) => showRuns(ctx)};
    if (head === 'run' && parts.length === 2) return {key: 'run', open: (ctx) => showRun(ctx, parts[1])};
    if (head === 'run' && parts.length === 3 && parts[2] === 'tasks') {
      return {key: 'tasks\u0000' + parts[1], open: (ctx, query) => showTasks(ctx, parts[1], query)};
    }
    // A task id written with a raw '/' still finds its task: everything after 'task/' is the id.
    if (head === 'run' && parts.length >= 4 && parts[2] === 'task') {
      const tid = parts.slice(3).join('/');
      return {key: 'trial', open: (ctx) => showTrial(ctx, parts[1], tid)};
    }
    if (head === 'audit' && parts.length >= 2) return {key: 'audit', open: (ctx) => showAudit(ctx, parts.slice(1).join('/'))};
    if (head === 'compare' && parts.length === 3) return {key: 'compare', open: (ctx) => showCompare(ctx, parts[1], parts[2])};
    return null;
  }

  function startHash() {
    if (embedded) {
      try {
        if (embeddedData === null) embeddedData = parseJson(embedded.textContent);
        if (typeof embeddedData.start === 'string' && embeddedData.start.startsWith('#/')) return embeddedData.start;
      } catch (error) {
        // the page then shows the parse error when it loads
      }
    }
    return '#/runs';
  }

  async function navigate() {
    if (location.hash === '' || location.hash === '#' || location.hash === '#/') {
      location.replace(startHash());   // fires hashchange, which lands here again
      return;
    }
    let target;
    let parsed;
    try {
      parsed = parseHash(location.hash);
      target = resolve(parsed.parts);
    } catch (error) {
      target = null;   // a malformed %-escape
    }
    if (currentView && target && currentView.key === target.key && currentView.view && currentView.view.update) {
      currentView.view.update(parsed.query);
      return;
    }
    const mine = ++generation;
    stopTimers();
    currentView = null;
    main.removeAttribute('data-page');
    window.scrollTo(0, 0);
    if (!target) {
      renderError(new Error('There is no page at ' + location.hash + '.'));
      return;
    }
    const ctx = {current: () => mine === generation};
    try {
      main.setAttribute('aria-busy', 'true');
      const view = await target.open(ctx, parsed.query);
      if (ctx.current()) currentView = {key: target.key, view: view || null};
    } catch (error) {
      if (ctx.current()) renderError(error);
    } finally {
      if (ctx.current()) main.removeAttribute('aria-busy');
    }
  }

  window.addEventListener('hashchange', navigate);
  navigate();
})();
