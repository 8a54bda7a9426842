// Capteur dashboard: the fleet table and one chart per sensor, fed by /api/fleet, /api/history and the
// /api/events stream. Plain JavaScript, no framework and no build step.
//
// Rendering: events only change data and mark charts dirty; one requestAnimationFrame redraws what is dirty.
// Chart widths come from a ResizeObserver, so drawing never reads layout (no layout thrash).
'use strict';

const MAX_POINTS = 2000;          // points kept per chart (the newest)
const MAX_AGE_MS = 24 * 3600e3;   // and none older than the longest range
const SVG = 'http://www.w3.org/2000/svg';

const state = {
  rangeS: 3600,
  offsetMs: 0,                  // server clock minus this device's clock
  history: { enabled: false, hint: '', series: [] },
  nodes: new Map(),             // topic -> node row from the API
  rows: new Map(),              // topic -> <tr>
  series: new Map(),            // "node/sensor" -> chart state
  generation: 0,                // bumped by every refresh, so a slow old history answer is ignored
};

const $ = (id) => document.getElementById(id);
const now = () => Date.now() + state.offsetMs;
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

// ---- connection --------------------------------------------------------------------------------------------------

function setConnection(kind, text) {
  const el = $('connection');
  el.dataset.state = kind;
  el.querySelector('.text').textContent = text;
}

let source = null;
function connect() {
  source = new EventSource('/api/events');
  source.onopen = () => {
    setConnection('live', 'live');
    refresh(); // first load and every reconnect: fetch what was missed while away
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      // the server refused the stream (e.g. it was restarting): EventSource gives up, so start again
      setConnection('reconnecting', 'reconnecting…');
      setTimeout(connect, 3000);
    } else {
      setConnection('reconnecting', 'reconnecting…');
    }
  };
  source.addEventListener('reading', (e) => addReading(JSON.parse(e.data)));
  source.addEventListener('status', (e) => upsertNode(JSON.parse(e.data)));
  source.addEventListener('info', (e) => upsertNode(JSON.parse(e.data)));
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

async function refresh() {
  const generation = ++state.generation;
  let fleet;
  try {
    fleet = await getJson('/api/fleet');
  } catch (e) {
    return; // the stream's error handler shows the state; the next reconnect refreshes again
  }
  if (generation !== state.generation) {
    return;
  }

  state.offsetMs = Date.parse(fleet.now) - Date.now();
  state.history = fleet.history;
  showHistoryNote(fleet);
  for (const node of fleet.nodes) {
    upsertNode(node);
    for (const sensor of node.sensors) {
      chartFor(node.topic, sensor.name, sensor.unit);
    }
  }
  for (const name of fleet.history.series) {
    const slash = name.lastIndexOf('/');
    chartFor(name.slice(0, slash), name.slice(slash + 1), '');
  }
  if (fleet.history.enabled) {
    await Promise.all([...state.series.keys()].map((key) => loadHistory(key, generation)));
  }
}

async function loadHistory(key, generation) {
  let answer;
  try {
    answer = await getJson(`/api/history?series=${encodeURIComponent(key)}&since=${state.rangeS}s`);
  } catch (e) {
    return;
  }
  if (generation !== state.generation) {
    return;
  }
  const chart = state.series.get(key);
  for (const p of answer.points) {
    insertPoint(chart, { t: Date.parse(p.time), v: p.value, seq: p.seq, late: p.late, unit: p.unit });
  }
  chart.truncated = answer.truncated;
  markDirty(chart);
}

function showHistoryNote(fleet) {
  const note = $('history-note');
  if (fleet.history.enabled) {
    note.hidden = true;
    return;
  }
  note.hidden = false;
  note.textContent = fleet.history.hint || 'History is off.';
}

// ---- fleet table -------------------------------------------------------------------------------------------------

function upsertNode(node) {
  state.nodes.set(node.topic, node);
  const body = $('fleet-rows');
  let row = state.rows.get(node.topic);
  if (!row) {
    body.querySelector('.empty')?.remove();
    row = document.createElement('tr');
    row.dataset.node = node.topic;
    row.innerHTML = '<th scope="row"></th><td class="status"><span class="badge"></span></td>'
      + '<td class="seen"><time></time></td><td class="num rssi"></td><td class="num outbox"></td><td class="num dropped"></td>';
    // "maison/" and "salon" apart: on a phone the prefix goes small above the name instead of breaking it
    const head = row.firstChild;
    const cut = node.topic.lastIndexOf('/') + 1;
    const prefix = document.createElement('span');
    prefix.className = 'prefix';
    prefix.textContent = node.topic.slice(0, cut);
    const leaf = document.createElement('span');
    leaf.className = 'leaf';
    leaf.textContent = node.topic.slice(cut);
    head.append(prefix, leaf);
    const rows = [...state.rows.keys(), node.topic].sort();
    const next = rows[rows.indexOf(node.topic) + 1];
    body.insertBefore(row, next ? state.rows.get(next) : null);
    state.rows.set(node.topic, row);
  }

  row.dataset.status = node.status;
  const badge = row.querySelector('.badge');
  badge.className = 'badge ' + node.status;
  badge.textContent = node.status;
  row.querySelector('.seen time').dateTime = node.last_seen;
  row.querySelector('.seen time').title = new Date(node.last_seen).toLocaleString();
  // a real radio reports a negative RSSI; 0 means no Wi-Fi (a virtual node)
  setNumber(row.querySelector('.rssi'), node.rssi === 0 ? null : node.rssi, 'dBm', node.rssi !== null && node.rssi < -80 ? 'warn' : '');
  if (node.rssi === 0) {
    row.querySelector('.rssi').title = 'no Wi-Fi radio (a virtual node)';
  }
  // up to 8 readings are in flight at any time: more is a backlog
  setNumber(row.querySelector('.outbox'), node.outbox, '', node.outbox > 8 ? 'warn' : '');
  setNumber(row.querySelector('.dropped'), node.dropped, '', node.dropped > 0 ? 'bad' : '');
  const heading = document.querySelector(`[data-node-charts="${CSS.escape(node.topic)}"] .badge`);
  if (heading) {
    heading.className = 'badge ' + node.status;
    heading.textContent = node.status;
  }
  tickSeen();
  summarize();
}

function setNumber(cell, value, unit, tone) {
  cell.className = cell.className.replace(/ (warn|bad)$/, '') + (tone ? ' ' + tone : '');
  if (value === null || value === undefined) {
    cell.textContent = '–';
    cell.title = 'not reported yet (the node sends its info every few seconds)';
    return;
  }
  cell.title = '';
  cell.textContent = String(value);
  if (unit) {
    const small = document.createElement('span');
    small.className = 'unit-small';
    small.textContent = unit;
    cell.append(small);
  }
}

function relative(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min ago`;
  return `${Math.floor(h / 24)} days ago`;
}

function tickSeen() {
  const t = now();
  for (const [topic, row] of state.rows) {
    const text = relative(t - Date.parse(state.nodes.get(topic).last_seen));
    const el = row.querySelector('.seen time');
    if (el.textContent !== text) el.textContent = text;
  }
}

function summarize() {
  const nodes = [...state.nodes.values()];
  const online = nodes.filter((n) => n.status === 'online').length;
  $('fleet-summary').textContent = `${online} of ${nodes.length} online`;
}

// ---- chart data --------------------------------------------------------------------------------------------------

function chartFor(node, sensor, unit) {
  const key = `${node}/${sensor}`;
  let chart = state.series.get(key);
  if (chart) {
    if (unit && !chart.unit) chart.unit = unit;
    return chart;
  }

  let group = document.querySelector(`[data-node-charts="${CSS.escape(node)}"]`);
  if (!group) {
    group = document.createElement('section');
    group.className = 'node-charts';
    group.dataset.nodeCharts = node;
    group.setAttribute('aria-label', `Readings of ${node}`);
    const title = document.createElement('h3');
    title.textContent = node;
    const badge = document.createElement('span');
    const known = state.nodes.get(node);
    badge.className = 'badge ' + (known ? known.status : 'unknown');
    badge.textContent = known ? known.status : 'unknown';
    title.append(badge);
    const grid = document.createElement('div');
    grid.className = 'grid';
    group.append(title, grid);
    const all = $('charts');
    const after = [...all.children].find((g) => g.dataset.nodeCharts > node);
    all.insertBefore(group, after || null);
    $('charts-empty').hidden = true;
  }

  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.series = key;
  figure.dataset.points = '0';
  figure.dataset.late = '0';
  figure.innerHTML = '<figcaption><span class="name"></span><span class="latest"><b class="value">–</b><span class="unit"></span></span>'
    + '<span class="meta"></span></figcaption>';
  figure.querySelector('.name').textContent = sensor;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'plot');
  svg.setAttribute('role', 'img');
  const layer = document.createElementNS(SVG, 'g');
  const hover = document.createElementNS(SVG, 'g');
  hover.setAttribute('aria-hidden', 'true');
  svg.append(layer, hover);
  figure.append(svg);
  const grid = group.querySelector('.grid');
  const after = [...grid.children].find((f) => f.dataset.series > key);
  grid.insertBefore(figure, after || null);

  chart = { key, node, sensor, unit, clip: `clip${state.series.size}`, points: [], keys: new Set(), figure, svg, layer, hover, width: 0, height: 0, dirty: true, truncated: false, geometry: null };
  state.series.set(key, chart);
  resizer.observe(svg);
  svg.addEventListener('pointermove', (e) => showReadout(chart, e));
  svg.addEventListener('pointerleave', () => { chart.hover.textContent = ''; });
  return chart;
}

function addReading(r) {
  const chart = chartFor(r.node, r.sensor, r.unit);
  if (insertPoint(chart, { t: Date.parse(r.time), v: r.value, seq: r.seq, late: r.late, unit: r.unit })) {
    markDirty(chart);
  }
  const node = state.nodes.get(r.node);
  if (node) {
    node.last_seen = new Date(now()).toISOString();
  }
}

// Points stay sorted by their own time: a late reading from an outbox goes where it belongs, not at the end.
function insertPoint(chart, p) {
  const key = p.seq !== null && p.seq !== undefined ? 's' + p.seq : `t${p.t}:${p.v}`;
  if (chart.keys.has(key) || !(p.t > now() - MAX_AGE_MS)) {
    return false;
  }
  p.key = key;
  chart.keys.add(key);
  if (p.unit) chart.unit = p.unit;
  const points = chart.points;
  if (points.length === 0 || points[points.length - 1].t <= p.t) {
    points.push(p);
  } else {
    let lo = 0, hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid].t <= p.t) lo = mid + 1; else hi = mid;
    }
    points.splice(lo, 0, p);
  }
  const cutoff = now() - MAX_AGE_MS;
  let drop = Math.max(0, points.length - MAX_POINTS);
  while (drop < points.length && points[drop].t < cutoff) drop++;
  if (drop > 0) {
    for (const old of points.splice(0, drop)) chart.keys.delete(old.key);
  }
  return true;
}

// ---- drawing -----------------------------------------------------------------------------------------------------

let frame = 0;
function markDirty(chart) {
  chart.dirty = true;
  if (!frame) frame = requestAnimationFrame(drawDirty);
}

function drawDirty() {
  frame = 0;
  for (const chart of state.series.values()) {
    if (chart.dirty && chart.width > 0) {
      chart.dirty = false;
      draw(chart);
    }
  }
}

const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const chart = [...state.series.values()].find((c) => c.svg === entry.target);
    if (!chart) continue;
    const { width, height } = entry.contentRect;
    if (Math.round(width) !== chart.width || Math.round(height) !== chart.height) {
      chart.width = Math.round(width);
      chart.height = Math.round(height);
      markDirty(chart);
    }
  }
});

// A contact (door, PIR): every value 0 or 1 and no unit; drawn as steps, since the state holds until the next change.
function isStep(chart) {
  return !chart.unit && chart.points.length > 0 && chart.points.every((p) => p.v === 0 || p.v === 1);
}

function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

const TIME_STEPS = [10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 10800e3, 21600e3, 43200e3];

function timeLabel(t, stepMs) {
  const options = stepMs < 60e3 ? { hour: 'numeric', minute: '2-digit', second: '2-digit' } : { hour: 'numeric', minute: '2-digit' };
  return new Date(t).toLocaleTimeString([], options);
}

function esc(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function formatValue(v, step) {
  return step ? (v ? '1' : '0') : numberFormat.format(v);
}

function draw(chart) {
  const step = isStep(chart);
  chart.figure.classList.toggle('step', step);
  const W = chart.width, H = chart.height;
  const m = { left: 44, right: 12, top: step ? 8 : 18, bottom: 20 };
  const pw = Math.max(10, W - m.left - m.right), ph = Math.max(10, H - m.top - m.bottom);
  const all = chart.points;
  // a node whose clock runs a little ahead of this device's must not draw its newest readings off the plot
  const t1 = Math.max(now(), all.length ? all[all.length - 1].t : 0), from = t1 - state.rangeS * 1000;
  let first = 0;
  while (first < all.length && all[first].t < from) first++;
  // the range is the most shown: when the readings cover less (a node that just started), the axis fits them
  const t0 = first < all.length ? Math.max(from, Math.min(all[first].t - (t1 - all[first].t) * 0.04, t1 - 60e3)) : from;
  const shown = all.slice(first);
  const before = first > 0 ? all[first - 1] : null; // a step chart starts with the state it was in

  let lo, hi;
  if (step) {
    lo = -0.15; hi = 1.15;
  } else if (shown.length) {
    lo = Infinity; hi = -Infinity;
    for (const p of shown) { if (p.v < lo) lo = p.v; if (p.v > hi) hi = p.v; }
    const pad = (hi - lo) * 0.12 || Math.max(0.5, Math.abs(hi) * 0.02);
    lo -= pad; hi += pad;
  } else {
    lo = 0; hi = 1;
  }
  const x = (t) => m.left + ((t - t0) / (t1 - t0)) * pw;
  const y = (v) => m.top + (1 - (v - lo) / (hi - lo)) * ph;
  chart.geometry = { t0, t1, x, y, m, pw, ph, shown, step };

  let svg = '';
  // value axis: a few round numbers, with the unit on the top label
  let ticks = [0, 1];
  let decimals = 0;
  if (!step) {
    // round numbers, at least three of them
    for (let count = ph < 120 ? 3 : 4; count < 20; count += 2) {
      const s = niceStep(hi - lo, count);
      ticks = [];
      for (let v = Math.ceil(lo / s) * s; v <= hi + 1e-9; v += s) ticks.push(Math.round(v / s) * s);
      decimals = Math.max(0, -Math.floor(Math.log10(s) + 1e-9));
      if (ticks.length >= 3) break;
    }
  }
  ticks.forEach((v, i) => {
    const yy = y(v).toFixed(1);
    svg += `<line class="gridline" x1="${m.left}" x2="${m.left + pw}" y1="${yy}" y2="${yy}"/>`;
    svg += `<text x="${m.left - 6}" y="${yy}" dy="0.32em" text-anchor="end">${esc(v.toFixed(decimals))}</text>`;
  });
  if (!step && chart.unit) {
    svg += `<text class="axis-unit" x="${m.left - 6}" y="${m.top - 7}" text-anchor="end">${esc(chart.unit)}</text>`;
  }

  // time axis: round clock times, as many as fit
  const stepMs = TIME_STEPS.find((s) => (t1 - t0) / s <= Math.max(2, Math.floor(pw / 80))) || 86400e3;
  const offset = new Date(t1).getTimezoneOffset() * 60e3;
  for (let t = Math.ceil((t0 - offset) / stepMs) * stepMs + offset; t <= t1; t += stepMs) {
    const xx = x(t);
    svg += `<line class="gridline" x1="${xx.toFixed(1)}" x2="${xx.toFixed(1)}" y1="${m.top}" y2="${m.top + ph}"/>`;
    // a label near the right edge ends there rather than being cut
    const anchor = xx > W - 30 ? 'end' : 'middle';
    svg += `<text x="${(anchor === 'end' ? W - 1 : xx).toFixed(1)}" y="${H - 4}" text-anchor="${anchor}">${esc(timeLabel(t, stepMs))}</text>`;
  }
  svg += `<line class="axis" x1="${m.left}" x2="${m.left + pw}" y1="${m.top + ph}" y2="${m.top + ph}"/>`;

  // the line, broken where the node said nothing for a long time (a gap is a gap, not a slope)
  const gapMs = gapThreshold(shown);
  let path = '';
  let last = null;
  if (step && before) {
    path += `M${x(t0).toFixed(1)} ${y(before.v).toFixed(1)}`;
    last = { t: t0, v: before.v };
  }
  for (const p of shown) {
    const px = x(p.t).toFixed(1), py = y(p.v).toFixed(1);
    if (!last || p.t - last.t > gapMs && !step) {
      path += `M${px} ${py}`;
    } else if (step) {
      path += `H${px}V${py}`;
    } else {
      path += `L${px} ${py}`;
    }
    last = p;
  }
  if (step && last) {
    path += `H${x(t1).toFixed(1)}`; // the state holds until now
  }
  svg += `<clipPath id="${chart.clip}"><rect x="${m.left - 6}" y="${m.top - 6}" width="${pw + 12}" height="${ph + 12}"/></clipPath>`;
  svg += `<g clip-path="url(#${chart.clip})">`;
  if (path) svg += `<path class="series" d="${path}"/>`;

  const onTime = shown.filter((p) => !p.late);
  if (!step && onTime.length <= 90) {
    for (const p of onTime) svg += `<circle class="dot" cx="${x(p.t).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="2"/>`;
  }
  const latest = all.length ? all[all.length - 1] : null;
  if (latest && latest.t >= t0 && !latest.late) {
    svg += `<circle class="last" cx="${x(latest.t).toFixed(1)}" cy="${y(latest.v).toFixed(1)}" r="4"/>`;
  }
  // late readings: hollow diamonds at their own time, on top of the line
  let lateShown = 0;
  for (const p of shown) {
    if (!p.late) continue;
    lateShown++;
    const px = x(p.t), py = y(p.v);
    svg += `<path class="late-mark" data-seq="${p.seq ?? ''}" data-time="${new Date(p.t).toISOString()}" data-x="${px.toFixed(1)}" `
      + `d="M${px.toFixed(1)} ${(py - 5).toFixed(1)}l5 5l-5 5l-5 -5z"><title>${esc(formatValue(p.v, step) + ' ' + chart.unit)} at ${esc(new Date(p.t).toLocaleTimeString())}, arrived late</title></path>`;
  }
  svg += '</g>';
  if (!shown.length) {
    svg += `<text class="empty" x="${m.left + pw / 2}" y="${m.top + ph / 2}" text-anchor="middle">${all.length ? 'no readings in this range' : 'waiting for readings…'}</text>`;
  }
  chart.layer.innerHTML = svg;

  // what tests and screen readers read
  const lateCount = all.reduce((n, p) => n + (p.late ? 1 : 0), 0);
  chart.figure.dataset.points = String(all.length);
  chart.figure.dataset.late = String(lateCount);
  chart.svg.dataset.t0 = new Date(t0).toISOString();
  chart.svg.dataset.t1 = new Date(t1).toISOString();
  chart.svg.dataset.x0 = String(m.left);
  chart.svg.dataset.x1 = String(m.left + pw);
  const value = chart.figure.querySelector('.value');
  const unit = chart.figure.querySelector('.unit');
  const meta = chart.figure.querySelector('.meta');
  if (latest) {
    chart.figure.dataset.latest = String(latest.v);
    value.textContent = formatValue(latest.v, step);
    unit.textContent = chart.unit;
    let extremes = '';
    if (!step && shown.length) {
      const min = Math.min(...shown.map((p) => p.v)), max = Math.max(...shown.map((p) => p.v));
      chart.figure.dataset.min = String(min);
      chart.figure.dataset.max = String(max);
      extremes = ` · min <span class="min">${esc(numberFormat.format(min))}</span> · max <span class="max">${esc(numberFormat.format(max))}</span>`;
    }
    meta.innerHTML = `at ${esc(new Date(latest.t).toLocaleTimeString())} · ${shown.length} in ${esc(rangeName())}${extremes}`
      + (lateShown ? ` · <span class="late-count">${lateShown} late</span>` : '')
      + (chart.truncated ? ' · newest only' : '');
  }
  chart.svg.setAttribute('aria-label', latest
    ? `${chart.key}: ${shown.length} readings in the last ${rangeName()}, ${lateShown} of them arrived late; latest ${formatValue(latest.v, step)} ${chart.unit} at ${new Date(latest.t).toLocaleTimeString()}`
    : `${chart.key}: no readings yet`);
}

function gapThreshold(points) {
  if (points.length < 3) return Infinity;
  const gaps = [];
  for (let i = Math.max(1, points.length - 60); i < points.length; i++) gaps.push(points[i].t - points[i - 1].t);
  gaps.sort((a, b) => a - b);
  return Math.max(30e3, gaps[gaps.length >> 1] * 6);
}

function rangeName() {
  return document.querySelector('.range [aria-pressed="true"]').textContent;
}

// The reading nearest the pointer, with a guide line.
function showReadout(chart, event) {
  const g = chart.geometry;
  if (!g || !g.shown.length) return;
  const bounds = chart.svg.getBoundingClientRect();
  const px = event.clientX - bounds.left;
  const t = g.t0 + ((px - g.m.left) / g.pw) * (g.t1 - g.t0);
  let best = g.shown[0];
  for (const p of g.shown) if (Math.abs(p.t - t) < Math.abs(best.t - t)) best = p;
  const bx = g.x(best.t), by = g.y(best.v);
  const text = `${formatValue(best.v, g.step)} ${chart.unit} · ${new Date(best.t).toLocaleTimeString()}${best.late ? ' · late' : ''}`;
  const w = text.length * 6.4 + 12;
  const left = Math.min(Math.max(bx - w / 2, g.m.left), g.m.left + g.pw - w);
  chart.hover.innerHTML = `<line class="guide" x1="${bx.toFixed(1)}" x2="${bx.toFixed(1)}" y1="${g.m.top}" y2="${g.m.top + g.ph}"/>`
    + `<circle class="last" cx="${bx.toFixed(1)}" cy="${by.toFixed(1)}" r="4"/>`
    + `<rect class="readout-bg" x="${left.toFixed(1)}" y="${g.m.top}" width="${w.toFixed(1)}" height="20" rx="4"/>`
    + `<text class="readout" x="${(left + 6).toFixed(1)}" y="${g.m.top + 14}">${esc(text)}</text>`;
}

// ---- controls and timers -----------------------------------------------------------------------------------------

for (const button of document.querySelectorAll('.range button')) {
  button.addEventListener('click', () => {
    for (const b of document.querySelectorAll('.range button')) b.setAttribute('aria-pressed', String(b === button));
    state.rangeS = Number(button.dataset.range);
    for (const chart of state.series.values()) markDirty(chart);
    if (state.history.enabled) {
      const generation = ++state.generation;
      for (const key of state.series.keys()) loadHistory(key, generation);
    }
  });
}

setInterval(tickSeen, 1000);
// the time axis moves on even when a sensor is quiet
setInterval(() => { for (const chart of state.series.values()) markDirty(chart); }, 5000);
connect();
