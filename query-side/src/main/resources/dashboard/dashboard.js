// The operations dashboard (docs/kpis.md "Dashboard"): reads the query side's APIs with the browser's sign-in and
// draws tiles, small SVG charts and tables. No framework and no CDN: the page must work offline from the jar.

const api = (path) => new URL(path, window.location.origin); // never the document URL: it may carry credentials

async function getJson(path) {
  const response = await fetch(api(path), { headers: { Accept: 'application/json' } });
  if (response.status === 403) {
    return null; // the user's roles do not include this figure: the section says so instead of failing the page
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${response.status} ${problem.code || ''} ${problem.detail || ''}`.trim());
  }
  return response.json();
}

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

/** Money in a table cell and its CSV: two decimals, no grouping (a spreadsheet reads it as a number). */
const money = (value) => (value === null || value === undefined ? null : Number(value).toFixed(2));

const number = (value, digits = 2) => (value === null || value === undefined ? '—'
  : Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** A change against the previous period: ▲/▼ and its amount; for "lower is better" figures, down is good. */
function change(value, unit, lowerIsBetter = false) {
  if (value === null || value === undefined) {
    return el('span', { class: 'change' }, 'no comparison');
  }
  const v = Number(value);
  const good = lowerIsBetter ? v < 0 : v > 0;
  const arrow = v > 0 ? '▲' : v < 0 ? '▼' : '=';
  return el('span', { class: `change ${v === 0 ? '' : good ? 'up' : 'down'}`, 'data-change': String(v) },
    `${arrow} ${number(Math.abs(v))} ${unit} vs previous`);
}

function tile(key, label, value, detail, changeNode) {
  return el('div', { class: 'tile', 'data-kpi': key },
    el('div', { class: 'label' }, label),
    el('div', { class: 'value', 'data-value': value === null || value === undefined ? '' : String(value) },
      value === null || value === undefined ? '—' : String(value)),
    el('div', { class: 'detail' }, detail),
    changeNode);
}

function renderTiles(report) {
  const tiles = document.getElementById('tiles');
  const last = report.periods[report.periods.length - 1];
  document.getElementById('tiles-title').textContent = `Latest period: ${last.period}`;
  const p = last.perfectOrder;
  const c = last.cycleTime;
  const f = last.fillRate;
  const i = last.inventoryAccuracy;
  const m = last.grossMargin;
  tiles.replaceChildren(
    tile('perfectOrderRate', 'Perfect order rate %', p.rate,
      `${p.perfect} of ${p.ordersDelivered} delivered; product of components ${number(p.componentProduct)} %`,
      change(last.change.perfectOrderRate, 'pts')),
    tile('cycleTimeMeanHours', 'Order cycle time (h, mean)', c.meanHours,
      `p50 ${c.p50Hours ?? '—'} h, p90 ${c.p90Hours ?? '—'} h over ${c.orders} orders`,
      change(last.change.meanCycleHours, 'h', true)),
    tile('unitFillRate', 'Fill rate % (units)', f.unitRate,
      `${f.unitsFilled} of ${f.unitsOrdered} units; lines ${number(f.lineRate)} %`,
      change(last.change.unitFillRate, 'pts')),
    tile('inventoryAccuracy', 'Inventory accuracy %', i.rate, `${i.withinTolerance} of ${i.counts} counts`,
      change(last.change.inventoryAccuracy, 'pts')),
    tile('returnRate', 'Return rate % (ship cohort)', last.returnRate.rate,
      `${last.returnRate.unitsReturned} of ${last.returnRate.unitsShipped} units shipped in the period`
        + last.returnRate.byValue.map((v) => `; by value ${number(v.rate)} % of ${number(v.shipped)} ${v.currency}`)
          .join(''),
      change(last.change.returnRate, 'pts', true)),
    tile('inStockRate', 'In-stock rate % (SKU-days)', last.inStock.rate,
      `${last.inStock.inStockSkuDays} of ${last.inStock.skuDays} SKU-days; ${last.inStock.stockouts} stockouts`,
      change(last.change.inStockRate, 'pts')),
    tile('supplierOnTimeInFull', 'Supplier on-time-in-full %', last.suppliers.onTimeInFullRate,
      `${last.suppliers.linesOnTimeInFull} of ${last.suppliers.linesDue} PO lines due; mean `
        + `${number(last.suppliers.meanLateDays)} days late (all suppliers)`,
      change(last.change.supplierOnTimeInFull, 'pts')),
    tile('sellThrough', 'Sell-through %', last.sellThrough.rate,
      `${last.sellThrough.sold} sold of ${last.sellThrough.openingOnHand} on hand + ${last.sellThrough.received} `
        + 'received (all warehouses)', change(last.change.sellThrough, 'pts')),
    tile('grossMarginPercent', 'Gross margin %', m ? m.percent : null,
      m ? `${number(m.grossMargin)} on ${number(m.netSales)} ${m.currency}` : 'no sales posted',
      change(last.change.grossMarginPercent, 'pts')),
    tile('daysToClose', 'Days to close', last.daysToClose,
      report.granularity === 'MONTH' ? 'close instant − month end' : 'monthly periods only',
      change(last.change.daysToClose, 'days', true)));
}

/** A line chart of one or more series over the periods, as SVG. */
function lineChart(container, labels, series) {
  const width = 400;
  const height = 180;
  const pad = { left: 34, right: 8, top: 10, bottom: 22 };
  const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined).map(Number);
  const max = values.length ? Math.max(...values, 1) : 1;
  const x = (index) => pad.left + (labels.length < 2 ? 0 : index * (width - pad.left - pad.right) / (labels.length - 1));
  const y = (value) => height - pad.bottom - (Number(value) / max) * (height - pad.top - pad.bottom);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    svg.append(node);
    return node;
  };
  add('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), stroke: '#c4c9d0' });
  add('text', { x: 2, y: y(max) + 4 }, number(max, 0));
  add('text', { x: 2, y: y(0) + 4 }, '0');
  const step = Math.max(1, Math.ceil(labels.length / 6));
  const last = labels.length - 1;
  labels.forEach((label, index) => {
    // every step-th label and the last one; a step-th label less than a step before the last would overlap it
    const crowdsTheLast = index !== last && last - index < step;
    if ((index % step === 0 && !crowdsTheLast) || index === last) {
      // the last label ends at its point, so it stays inside the chart
      add('text', index === last && index > 0 ? { x: x(index) + 2, y: height - 6, 'text-anchor': 'end' }
        : { x: x(index) - 14, y: height - 6 }, label);
    }
  });
  for (const s of series) {
    const points = s.values.map((v, index) => (v === null || v === undefined ? null : `${x(index)},${y(v)}`))
      .filter((point) => point !== null);
    add('polyline', { points: points.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2 });
    for (const point of points) {
      const [cx, cy] = point.split(',');
      add('circle', { cx, cy, r: 2.5, fill: s.color });
    }
  }
  container.replaceChildren(svg);
}

/** A horizontal bar chart of label → value pairs (two bars per label), as SVG. */
function barChart(container, rows) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 400;
  const rowHeight = 28;
  const height = Math.max(60, rows.length * rowHeight + 10);
  const max = Math.max(1, ...rows.flatMap((r) => [Number(r.a), Number(r.b)]).filter((v) => !Number.isNaN(v)));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.style.height = `${height}px`;
  rows.forEach((row, index) => {
    const top = 5 + index * rowHeight;
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 2);
    label.setAttribute('y', top + 14);
    label.textContent = row.label;
    svg.append(label);
    [[row.a, '#3b6ea5', 0], [row.b, '#8fb3d9', 11]].forEach(([value, color, offset]) => {
      const bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', 110);
      bar.setAttribute('y', top + offset);
      bar.setAttribute('height', 10);
      bar.setAttribute('width', Math.max(0, (Number(value) / max) * (width - 180)));
      bar.setAttribute('fill', color);
      svg.append(bar);
    });
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', width - 66);
    text.setAttribute('y', top + 14);
    text.textContent = number(row.a, 0);
    svg.append(text);
  });
  container.replaceChildren(svg);
}

/**
 * Fills a table from column definitions [header, value(row)]; the CSV button exports exactly these cells. A value may
 * be an element (a button): such a column is left out of the CSV. {@code rowAttributes(row)} adds attributes to a row.
 */
function renderTable(id, columns, rows, rowAttributes = () => ({})) {
  const table = document.getElementById(id);
  const head = el('tr', {}, ...columns.map(([header]) => el('th', {}, header)));
  const body = rows.map((row) => el('tr', rowAttributes(row), ...columns.map(([, value]) => {
    const v = value(row);
    if (v instanceof Node) {
      return el('td', { 'data-csv': 'skip' }, v);
    }
    return el('td', {}, v === null || v === undefined ? '' : String(v));
  })));
  head.querySelectorAll('th').forEach((th, index) => {
    if (rows.length && body[0].children[index].dataset.csv === 'skip') {
      th.dataset.csv = 'skip';
    }
  });
  table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
}

function exportCsv(tableId) {
  const table = document.getElementById(tableId);
  const quote = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [...table.querySelectorAll('tr')]
    .map((tr) => [...tr.children].filter((cell) => cell.dataset.csv !== 'skip')
      .map((cell) => quote(cell.textContent)).join(','));
  const link = el('a', { href: URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' })),
    download: `${tableId}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
}

function query() {
  const params = new URLSearchParams();
  for (const name of ['channel', 'granularity', 'from', 'to']) {
    const value = document.getElementById(name).value;
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}

async function refresh() {
  const status = document.getElementById('status');
  status.className = 'status';
  status.textContent = 'Loading…';
  try {
    const params = query();
    const report = await getJson(`/api/kpis?${params}`);
    renderTiles(report);
    const labels = report.periods.map((p) => p.period);
    lineChart(document.getElementById('chart-perfect'), labels, [
      { color: '#3b6ea5', values: report.periods.map((p) => p.perfectOrder.rate) },
      { color: '#8fb3d9', values: report.periods.map((p) => p.perfectOrder.componentProduct) }]);
    lineChart(document.getElementById('chart-cycle'), labels, [
      { color: '#3b6ea5', values: report.periods.map((p) => p.cycleTime.meanHours) },
      { color: '#c77d2e', values: report.periods.map((p) => p.cycleTime.p90Hours) }]);
    renderTable('kpi-table', [
      ['Period', (p) => p.period],
      ['Delivered', (p) => p.perfectOrder.ordersDelivered],
      ['Perfect %', (p) => p.perfectOrder.rate],
      ['Product of components %', (p) => p.perfectOrder.componentProduct],
      ['Cycle mean h', (p) => p.cycleTime.meanHours],
      ['Cycle p50 h', (p) => p.cycleTime.p50Hours],
      ['Cycle p90 h', (p) => p.cycleTime.p90Hours],
      ['Placed', (p) => p.fillRate.ordersPlaced],
      ['Fill % (units)', (p) => p.fillRate.unitRate],
      ['Fill % (lines)', (p) => p.fillRate.lineRate],
      ['Inventory accuracy %', (p) => p.inventoryAccuracy.rate],
      ['Return rate % (cohort)', (p) => p.returnRate.rate],
      ['Return rate % by value', (p) => p.returnRate.byValue.map((v) => `${v.rate ?? ''} (${v.currency})`).join(' ')],
      ['In stock %', (p) => p.inStock.rate],
      ['Stockouts', (p) => p.inStock.stockouts],
      ['Sell-through %', (p) => p.sellThrough.rate],
      ['Supplier OTIF %', (p) => p.suppliers.onTimeInFullRate],
      ['Supplier late days', (p) => p.suppliers.meanLateDays],
      ['Gross margin %', (p) => (p.grossMargin ? p.grossMargin.percent : null)],
      ['Days to close', (p) => p.daysToClose]], [...report.periods].reverse());

    const marginParams = new URLSearchParams({ groupBy: 'CHANNEL', from: report.from, to: report.to, size: '50' });
    if (params.get('channel')) {
      marginParams.set('channel', params.get('channel'));
    }
    // not asked for when the user's roles do not include margins (the browser would log the refusal as an error)
    const margins = may.margins ? await getJson(`/api/margins?${marginParams}`) : null;
    const marginRows = margins ? margins.items : [];
    barChart(document.getElementById('chart-margin'), marginRows.map((r) => ({
      label: r.key, a: r.margin.grossMargin, b: r.margin.contributionMargin })));
    renderTable('margin-table', [
      ['Channel', (r) => r.key],
      ['Net sales', (r) => money(r.margin.netSales)],
      ['Gross margin', (r) => money(r.margin.grossMargin)],
      ['Gross margin %', (r) => r.margin.grossMarginPercent],
      ['Contribution margin', (r) => money(r.margin.contributionMargin)],
      ['Contribution %', (r) => r.margin.contributionMarginPercent]], marginRows);
    if (!margins) {
      document.getElementById('chart-margin').textContent = 'Margins are not visible to your role.';
    }

    const suppliers = await getJson(`/api/kpis/suppliers?${new URLSearchParams({ from: report.from, to: report.to })}`);
    renderTable('supplier-table', [
      ['Supplier', (r) => r.supplierId],
      ['Lines due', (r) => r.performance.linesDue],
      ['On time in full', (r) => r.performance.linesOnTimeInFull],
      ['OTIF %', (r) => r.performance.onTimeInFullRate],
      ['Orders received', (r) => r.performance.ordersReceived],
      ['Promised lead days', (r) => r.performance.meanPromisedLeadDays],
      ['Actual lead days', (r) => r.performance.meanActualLeadDays],
      ['Late days', (r) => r.performance.meanLateDays]], suppliers || [],
    (r) => ({ 'data-supplier': r.supplierId }));

    const aging = await getJson('/api/kpis/stock-aging');
    const bandNames = { DAYS_0_30: '0–30 days', DAYS_31_60: '31–60 days', DAYS_61_90: '61–90 days',
      DAYS_OVER_90: 'over 90 days' };
    renderTable('aging-table', [
      ['Since entry', (b) => bandNames[b.band]],
      ['Units on hand', (b) => b.units],
      ['Share %', (b) => b.percent]], aging ? aging.bands : [], (b) => ({ 'data-band': b.band }));

    const availabilityParams = new URLSearchParams({ sort: 'AVAILABLE_TO_SELL', size: '15' });
    if (params.get('channel')) {
      availabilityParams.set('channel', params.get('channel'));
    }
    const availability = await getJson(`/api/availability?${availabilityParams}`);
    renderTable('availability-table', [
      ['Channel', (r) => r.channelId],
      ['SKU', (r) => r.sku],
      ['Available to sell', (r) => r.availableToSell],
      ['Safety buffer', (r) => r.safetyBuffer]], availability ? availability.items : []);
    status.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
  } catch (error) {
    status.className = 'status error';
    status.textContent = error.message;
  }
}

// ---- Alerts: the unresolved ones, kept up to date by the live stream ------------------------------------------------

const alerts = new Map(); // alertId → alert, unresolved only
// what the access rules let the signed-in user do of what the page offers (GET /api/me)
let may = { margins: false, acknowledgeAlerts: false };

async function loadAlerts() {
  const params = new URLSearchParams({ status: 'UNRESOLVED', size: '200' });
  const channel = document.getElementById('channel').value;
  if (channel) {
    params.set('channel', channel);
  }
  const page = await getJson(`/api/alerts?${params}`);
  alerts.clear();
  for (const alert of page ? page.items : []) {
    alerts.set(alert.alertId, alert);
  }
  renderAlerts();
  return page ? page.latestChange : 0;
}

/** An alert from the stream: shown while unresolved and of the channel filtered on, gone once resolved. */
function alertChanged(alert) {
  const channel = document.getElementById('channel').value;
  if (alert.status === 'RESOLVED' || (channel && alert.channelId !== channel)) {
    alerts.delete(alert.alertId);
  } else {
    alerts.set(alert.alertId, alert);
  }
  renderAlerts();
}

async function acknowledge(alert, button) {
  button.disabled = true;
  const response = await fetch(api(`/api/alerts/${encodeURIComponent(alert.alertId)}/acknowledgement`), {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{}' });
  const status = document.getElementById('status');
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    status.className = 'status error';
    status.textContent = `Acknowledge ${alert.alertId}: ${problem.code || response.status} ${problem.detail || ''}`;
    button.disabled = false;
  } // on success the stream brings the acknowledged alert
}

function renderAlerts() {
  const rows = [...alerts.values()].sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0));
  const counts = {};
  rows.forEach((a) => { counts[a.type] = (counts[a.type] || 0) + 1; });
  document.getElementById('alert-counts').textContent = rows.length === 0 ? 'none'
    : Object.entries(counts).map(([type, n]) => `${n} ${type.toLowerCase().replaceAll('_', ' ')}`).join(', ');
  renderTable('alert-table', [
    ['Raised', (a) => a.raisedAt.replace('T', ' ').substring(0, 16)],
    ['Type', (a) => a.type],
    ['Channel', (a) => a.channelId],
    // the subject is the part of the id after the type (a supplier's alert names no channel, SKU or order)
    ['Subject', (a) => a.sku || a.orderId || a.alertId.substring(a.type.length + 1)],
    ['What', (a) => a.summary],
    ['Status', (a) => (a.status === 'ACKNOWLEDGED' ? `acknowledged by ${a.acknowledgedBy}` : 'open')],
    ['', (a) => {
      if (!may.acknowledgeAlerts || a.status !== 'OPEN') {
        return el('span');
      }
      const button = el('button', { type: 'button', class: 'ack' }, 'Acknowledge');
      button.addEventListener('click', () => acknowledge(a, button));
      return button;
    }]], rows, (a) => ({ 'data-alert': a.alertId, 'data-status': a.status }));
}

// ---- Live updates: Server-Sent Events from /api/alerts/stream --------------------------------------------------------

let figuresTimer = null;

/** Figures moved on: refresh them once things are quiet for a moment (at most every few seconds). */
function figuresMoved() {
  if (figuresTimer === null) {
    figuresTimer = setTimeout(() => {
      figuresTimer = null;
      refresh();
    }, 3000);
  }
}

function listen(after) {
  const live = document.getElementById('live');
  const source = new EventSource(api(`/api/alerts/stream?after=${after}`));
  source.addEventListener('ready', () => {
    live.dataset.live = 'on';
    live.textContent = 'live';
  });
  source.addEventListener('alert', (event) => alertChanged(JSON.parse(event.data)));
  source.addEventListener('figures', figuresMoved);
  source.onerror = () => { // the browser reconnects by itself, sending the last event's id
    live.dataset.live = 'reconnecting';
    live.textContent = 'reconnecting…';
  };
}

async function start() {
  const me = await getJson('/api/me');
  may = me ? me.may : may;
  document.getElementById('me').textContent = me ? `${me.name} (${me.roles.join(', ')})` : '';
  const channels = await getJson('/api/channels?size=200');
  const select = document.getElementById('channel');
  for (const channel of channels ? channels.items : []) {
    select.append(el('option', { value: channel.channelId }, `${channel.channelId} — ${channel.name}`));
  }
  document.getElementById('filters').addEventListener('change', refresh);
  document.getElementById('channel').addEventListener('change', loadAlerts);
  document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
  for (const button of document.querySelectorAll('button.csv')) {
    button.addEventListener('click', () => exportCsv(button.dataset.table));
  }
  listen(await loadAlerts());
  await refresh();
}

start().catch((error) => {
  const status = document.getElementById('status');
  status.className = 'status error';
  status.textContent = error.message;
});
