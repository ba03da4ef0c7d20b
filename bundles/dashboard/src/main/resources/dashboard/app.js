// The Alphintra dashboard: REST for the initial state of each panel, the WebSocket stream for what changes.
// Every element built from data is built with textContent, never HTML, so nothing the node returns can run here.

import { Api, ApiError, Stream, items } from './api.js';
import { LineChart } from './chart.js';
import { compareDecimal, forPlot } from './decimal.js';

const TERMINAL = new Set(['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']);
const REFRESH_MILLIS = { status: 15000, slow: 10000, equity: 5000 };
const MAX_EXECUTIONS = 50;

const byId = (id) => document.getElementById(id);

const state = {
  me: null,
  roles: new Set(),
  timers: [],
  pending: new Map(), // debounced reloads by name
};

const api = new Api((message) => signedOut(message));
const stream = new Stream(api, {
  onMessage: (channel, message) => onStreamMessage(channel, message),
  onState: (value) => {
    const badge = byId('stream-state');
    badge.dataset.state = value;
    badge.textContent = `stream ${value}`;
  },
  onRefused: () => {
    api.forget();
    signedOut('The stream refused your session: sign in again.');
  },
  onReconnected: () => loadAll(),
  onError: (message) => say(message, true),
});
const equityChart = new LineChart(byId('equity-chart'));

// ---- small helpers ------------------------------------------------------------------------------------------------

/** Builds an element: el('td', {class: 'num', dataset: {field: 'bid'}}, 'text or node', ...). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'onclick') {
      element.addEventListener('click', value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** The first of several field names an object has: the API's names, and the engine's where they differ. */
function pick(object, ...names) {
  if (!object) {
    return undefined;
  }
  for (const name of names) {
    if (object[name] !== undefined && object[name] !== null) {
      return object[name];
    }
  }
  return undefined;
}

/** Money as the API sends it: "12.50", {"amount":"12.50","currency":"USD"} or "USD 12.50". */
function money(value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'object') {
    const amount = pick(value, 'amount', 'value');
    const currency = pick(value, 'currency');
    return currency ? `${amount} ${currency}` : String(amount ?? '');
  }
  return String(value);
}

/** The amount of money, without its currency. */
function amount(value) {
  return value !== null && typeof value === 'object' ? String(pick(value, 'amount', 'value') ?? '') : money(value);
}

function clock(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleTimeString();
}

function can(role) {
  return state.roles.has(role) || state.roles.has('admin');
}

function say(message, isError = false) {
  const box = byId('messages');
  box.textContent = message;
  box.classList.toggle('error', isError);
}

function describe(error) {
  if (error instanceof ApiError) {
    const field = error.body.field ? ` (${error.body.field})` : '';
    return `${error.message}${field}`;
  }
  return String(error && error.message ? error.message : error);
}

/** Replaces a table body's rows; an empty list shows one row saying so. */
function fill(body, rows, columns, emptyText) {
  if (rows.length === 0) {
    body.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: columns }, emptyText)));
  } else {
    body.replaceChildren(...rows);
  }
}

function dropEmptyRow(body) {
  const empty = body.querySelector('tr.empty');
  if (empty) {
    empty.remove();
  }
}

/** Runs task once, delay ms after the last request for it: bursts of stream messages cause one reload. */
function later(name, delay, task) {
  clearTimeout(state.pending.get(name));
  state.pending.set(name, setTimeout(() => {
    state.pending.delete(name);
    task();
  }, delay));
}

function every(millis, task) {
  state.timers.push(setInterval(task, millis));
}

/** Runs a panel's loader, reporting a failure without stopping the other panels. */
async function guarded(what, task) {
  try {
    await task();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      say(`${what}: ${describe(error)}`, true);
    }
  }
}

/** A button that runs an action, disabled while it runs, and reports the outcome. */
function actionButton(label, attributes, action) {
  const button = el('button', { type: 'button', ...attributes }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      say(describe(error), true);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// ---- signing in and out -------------------------------------------------------------------------------------------

byId('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = byId('login-error');
  const submit = byId('login-submit');
  error.textContent = '';
  submit.disabled = true;
  try {
    await api.login(byId('login-user').value.trim(), byId('login-password').value);
    byId('login-password').value = '';
    await start();
  } catch (failure) {
    error.textContent = failure instanceof ApiError && failure.status === 401
      ? `Sign-in refused: ${failure.message}` : `Cannot sign in: ${describe(failure)}`;
  } finally {
    submit.disabled = false;
  }
});

byId('logout').addEventListener('click', async () => {
  try {
    await api.logout();
  } catch {
    // The token is forgotten either way; a node that did not answer ends the session when it expires.
  }
  signedOut('Signed out.');
});

function signedOut(message) {
  stream.close();
  state.timers.forEach(clearInterval);
  state.timers = [];
  state.pending.forEach(clearTimeout);
  state.pending.clear();
  state.me = null;
  state.roles = new Set();
  for (const body of document.querySelectorAll('#app tbody')) {
    body.replaceChildren();
  }
  equityChart.clear();
  byId('app').hidden = true;
  byId('session-bar').hidden = true;
  byId('login-panel').hidden = false;
  say(message);
  byId('login-user').focus();
}

async function start() {
  let me;
  try {
    me = await api.get('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return; // signedOut() already showed the form
    }
    throw error;
  }
  state.me = me;
  state.roles = new Set((me.roles || []).map((role) => String(role).toLowerCase()));
  byId('current-user').textContent = `${me.user} (${[...state.roles].sort().join(', ')})`;
  applyRoles();
  byId('login-panel').hidden = true;
  byId('session-bar').hidden = false;
  byId('app').hidden = false;
  say('');
  stream.open();
  await loadAll();
  every(REFRESH_MILLIS.status, () => {
    guarded('node status', loadStatus);
    guarded('cluster', loadCluster);
  });
  every(REFRESH_MILLIS.slow, () => {
    guarded('strategies', loadStrategies);
    guarded('risk', loadRisk);
    guarded('working orders', loadOrders);
  });
  every(REFRESH_MILLIS.equity, () => guarded('equity', sampleEquity));
}

/** Hides what the caller's roles do not allow; the server refuses such calls anyway. */
function applyRoles() {
  for (const element of document.querySelectorAll('[data-requires]')) {
    const allowed = can(element.dataset.requires);
    element.hidden = !allowed;
    for (const control of element.querySelectorAll('input, select, button')) {
      control.disabled = !allowed || control.id === 'ticket-stop-price';
    }
  }
  if (can('trader')) {
    updateTicketFields();
  }
}

function loadAll() {
  return Promise.all([
    guarded('node status', loadStatus),
    guarded('cluster', loadCluster),
    guarded('instruments', loadInstruments),
    guarded('accounts', loadAccounts),
    guarded('market', loadMarket),
    guarded('working orders', loadOrders),
    guarded('positions', loadPositions),
    guarded('risk', loadRisk),
    guarded('strategies', loadStrategies),
    guarded('alerts', loadAlerts),
    guarded('equity', sampleEquity),
  ]);
}

// ---- stream -------------------------------------------------------------------------------------------------------

function onStreamMessage(channel, message) {
  switch (channel) {
    case 'market':
      showMarket(message);
      break;
    case 'executions':
      showExecution(message);
      break;
    case 'positions':
      showPosition(message);
      later('equity', 1000, () => guarded('equity', sampleEquity));
      break;
    case 'alerts':
      showAlert(message);
      break;
    default:
      break;
  }
}

// ---- node and cluster ---------------------------------------------------------------------------------------------

async function loadStatus() {
  const status = await api.get('/status');
  const facts = [];
  for (const [key, value] of Object.entries(status || {})) {
    const text = value !== null && typeof value === 'object' ? summary(value) : String(value);
    facts.push(el('dt', {}, key), el('dd', { dataset: { field: key } }, text));
  }
  byId('node-status').replaceChildren(...facts);
  const node = pick(status, 'node', 'nodeId', 'nodeName');
  byId('node-name').textContent = node ? `node ${node}${status.region ? ` · ${status.region}` : ''}` : '';
}

function summary(value) {
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((item) => (typeof item === 'object' ? summary(item) : item))
      .join('; ');
  }
  return Object.entries(value).map(([key, inner]) => `${key}: ${inner !== null && typeof inner === 'object'
    ? summary(inner) : inner}`).join(', ');
}

async function loadCluster() {
  const members = items(await api.get('/cluster/members'), 'members');
  fill(byId('cluster-body'), members.map((member) => el('tr', {},
    el('td', {}, pick(member, 'nodeId', 'node', 'nodeName', 'name') ?? ''),
    el('td', {}, member.region ?? ''),
    el('td', {}, pick(member, 'address') ?? ''),
    el('td', {}, member.local ? 'this node' : ''))), 4, 'no members');
}

// ---- reference data -----------------------------------------------------------------------------------------------

async function loadInstruments() {
  const instruments = items(await api.get('/instruments'), 'instruments');
  byId('instrument-options').replaceChildren(...instruments.map((instrument) =>
    el('option', { value: pick(instrument, 'id', 'instrumentId') })));
}

async function loadAccounts() {
  const accounts = items(await api.get('/accounts'), 'accounts');
  byId('account-options').replaceChildren(...accounts.map((account) =>
    el('option', { value: pick(account, 'id', 'accountId') })));
}

// ---- market -------------------------------------------------------------------------------------------------------

async function loadMarket() {
  const lines = items(await api.get('/market'), 'market');
  const body = byId('market-body');
  for (const line of lines) {
    showMarket(line);
  }
  if (body.children.length === 0) {
    fill(body, [], 5, 'no market data yet');
  }
}

function marketRow(instrument) {
  const body = byId('market-body');
  let row = body.querySelector(`tr[data-instrument="${CSS.escape(instrument)}"]`);
  if (!row) {
    dropEmptyRow(body);
    row = el('tr', { dataset: { instrument, testid: `market-${instrument}` } },
      el('th', { scope: 'row' }, instrument),
      el('td', { class: 'num', dataset: { field: 'bid' } }),
      el('td', { class: 'num', dataset: { field: 'ask' } }),
      el('td', { class: 'num', dataset: { field: 'last' } }),
      el('td', { dataset: { field: 'time' } }));
    const after = [...body.children].find((other) => other.dataset.instrument > instrument);
    body.insertBefore(row, after || null);
  }
  return row;
}

/** A market line (REST), or a stream message: {type: "top", bid, ask, ...} or {type: "trade", price, ...}. */
function showMarket(message) {
  const instrument = pick(message, 'instrument', 'instrumentId');
  if (!instrument) {
    return;
  }
  const row = marketRow(instrument);
  if (message.type === 'trade') {
    setPrice(row, 'last', message.price);
  } else {
    setPrice(row, 'bid', message.bid);
    setPrice(row, 'ask', message.ask);
    if (message.type !== 'top') {
      setPrice(row, 'last', pick(message, 'last', 'lastPrice'));
    }
  }
  const time = pick(message, 'time', 'lastTime');
  if (time) {
    row.querySelector('[data-field="time"]').textContent = clock(time);
  }
}

/** Shows a new price, flashing the cell green or red (with an arrow, not colour alone) as it rose or fell. */
function setPrice(row, field, value) {
  if (value === undefined || value === null) {
    return;
  }
  const cell = row.querySelector(`[data-field="${field}"]`);
  const text = String(value);
  const before = cell.dataset.value;
  if (before === text) {
    return;
  }
  cell.dataset.value = text;
  const direction = before === undefined ? 0 : compareDecimal(text, before);
  cell.replaceChildren(text);
  cell.classList.remove('flash-up', 'flash-down');
  if (direction) {
    void cell.offsetWidth; // restart the animation when the same direction repeats
    cell.classList.add(direction > 0 ? 'flash-up' : 'flash-down');
    cell.append(el('span', { 'aria-hidden': 'true' }, direction > 0 ? ' ▲' : ' ▼'));
  }
}

// ---- orders -------------------------------------------------------------------------------------------------------

async function loadOrders() {
  const page = await api.get('/orders', { working: true, limit: 500 });
  const orders = items(page, 'orders');
  fill(byId('orders-body'), orders.map(orderRow), 10, 'no working orders');
}

function orderRow(order) {
  const id = pick(order, 'clientOrderId', 'id');
  const row = el('tr', { dataset: { order: id, testid: `order-${id}` } },
    el('th', { scope: 'row' }, id),
    el('td', {}, pick(order, 'instrument', 'instrumentId') ?? ''),
    el('td', {}, order.side ?? ''),
    el('td', { class: 'num', dataset: { field: 'quantity' } }, order.quantity ?? ''),
    el('td', { class: 'num' }, pick(order, 'limitPrice', 'price') ?? (order.type || '')),
    el('td', { class: 'num', dataset: { field: 'filled' } }, pick(order, 'cumQuantity', 'filledQuantity',
      'filled') ?? ''),
    el('td', { dataset: { field: 'status' } }, statusText(order)),
    el('td', {}, pick(order, 'account', 'accountId') ?? ''),
    el('td', {}, order.source ?? ''),
    el('td', {}, can('trader') ? actionButton('Cancel', {
      'data-testid': `cancel-${id}`, 'aria-label': `Cancel order ${id}`,
    }, () => cancelOrder(id)) : ''));
  return row;
}

function statusText(order) {
  const status = pick(order, 'status', 'orderStatus') ?? '';
  return order.held ? `${status} (held)` : status;
}

async function cancelOrder(id) {
  const report = await api.delete(`/orders/${encodeURIComponent(id)}`);
  const row = byId('orders-body').querySelector(`tr[data-order="${CSS.escape(id)}"]`);
  if (row && report) {
    row.querySelector('[data-field="status"]').textContent = statusText(report) || 'PENDING_CANCEL';
  }
  say(`Cancel of ${id} sent.`);
  later('orders', 1500, () => guarded('working orders', loadOrders));
}

/** An execution report from the stream: listed, and the working order it concerns updated or removed. */
function showExecution(report) {
  const id = pick(report, 'clientOrderId', 'id');
  const status = pick(report, 'status', 'orderStatus');
  const body = byId('executions-body');
  dropEmptyRow(body);
  body.prepend(el('tr', {},
    el('td', {}, clock(pick(report, 'time', 'transactTime'))),
    el('td', {}, id ?? ''),
    el('td', {}, pick(report, 'instrument', 'instrumentId') ?? ''),
    el('td', {}, report.side ?? ''),
    el('td', {}, report.execType ?? ''),
    el('td', {}, status ?? ''),
    el('td', { class: 'num' }, pick(report, 'lastQuantity', 'lastQty', 'quantity') ?? ''),
    el('td', { class: 'num' }, pick(report, 'lastPrice', 'lastPx', 'price') ?? ''),
    el('td', { class: 'wrap' }, report.text ?? '')));
  while (body.children.length > MAX_EXECUTIONS) {
    body.lastElementChild.remove();
  }
  if (!id) {
    return;
  }
  const orders = byId('orders-body');
  const row = orders.querySelector(`tr[data-order="${CSS.escape(id)}"]`);
  if (row && TERMINAL.has(status)) {
    row.remove();
    if (orders.children.length === 0) {
      fill(orders, [], 10, 'no working orders');
    }
  } else if (row) {
    row.querySelector('[data-field="status"]').textContent = statusText(report);
    const filled = pick(report, 'cumQuantity', 'filledQuantity');
    if (filled !== undefined) {
      row.querySelector('[data-field="filled"]').textContent = filled;
    }
  } else if (status && !TERMINAL.has(status)) {
    // A working order this page has not listed yet (another desk's, a strategy's): fetch it whole.
    later('orders', 300, () => guarded('working orders', loadOrders));
  }
}

// ---- order ticket -------------------------------------------------------------------------------------------------

function updateTicketFields() {
  const type = byId('ticket-type').value;
  const limit = byId('ticket-price');
  const stop = byId('ticket-stop-price');
  limit.disabled = !(type === 'LIMIT' || type === 'STOP_LIMIT');
  limit.required = !limit.disabled;
  stop.disabled = !(type === 'STOP' || type === 'STOP_LIMIT');
  stop.required = !stop.disabled;
}

byId('ticket-type').addEventListener('change', updateTicketFields);

byId('order-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = byId('ticket-result');
  const submit = byId('ticket-submit');
  const order = {
    account: byId('ticket-account').value.trim(),
    instrument: byId('ticket-instrument').value.trim(),
    side: byId('ticket-side').value,
    type: byId('ticket-type').value,
    quantity: byId('ticket-quantity').value.trim(),
    timeInForce: byId('ticket-tif').value,
  };
  if (!byId('ticket-price').disabled) {
    order.limitPrice = byId('ticket-price').value.trim();
  }
  if (!byId('ticket-stop-price').disabled) {
    order.stopPrice = byId('ticket-stop-price').value.trim();
  }
  submit.disabled = true;
  result.className = 'result';
  result.textContent = 'Sending…';
  delete result.dataset.clientOrderId;
  delete result.dataset.outcome;
  try {
    const report = await api.post('/orders', order);
    const id = pick(report, 'clientOrderId', 'id');
    result.dataset.clientOrderId = id;
    result.dataset.outcome = 'accepted';
    result.classList.add('ok');
    result.textContent = `Accepted ${id}: ${statusText(report)}${report.text ? ` — ${report.text}` : ''}`;
    later('orders', 300, () => guarded('working orders', loadOrders));
  } catch (error) {
    result.dataset.outcome = error instanceof ApiError && error.status === 422 ? 'rejected' : 'refused';
    result.classList.add('error');
    result.textContent = rejection(error);
  } finally {
    submit.disabled = false;
  }
});

/** The gate's refusal as a trader needs it: the reason, the deciding check and its text. */
function rejection(error) {
  if (!(error instanceof ApiError)) {
    return `Not sent: ${describe(error)}`;
  }
  const body = error.body;
  if (error.status === 422) {
    const reason = pick(body, 'reason', 'rejectReason');
    const check = pick(body, 'checkId', 'check');
    const text = pick(body, 'text', 'message');
    return `Rejected${reason ? ` (${reason})` : ''}${check ? ` by ${check}` : ''}: ${text}`;
  }
  return `Not sent: ${describe(error)}`;
}

// ---- positions and equity -----------------------------------------------------------------------------------------

function positionKey(position) {
  return [pick(position, 'account', 'accountId') ?? '', pick(position, 'strategy', 'strategyId') ?? '',
    pick(position, 'instrument', 'instrumentId') ?? ''].join('|');
}

function positionRow(position) {
  const key = positionKey(position);
  const [account, strategy, instrument] = key.split('|');
  return el('tr', { dataset: { position: key, testid: `position-${account}-${instrument}` } },
    el('td', {}, account),
    el('td', {}, strategy),
    el('th', { scope: 'row' }, instrument),
    el('td', { class: 'num', dataset: { field: 'quantity' } }, pick(position, 'quantity', 'netQuantity',
      'position') ?? ''),
    el('td', { class: 'num' }, pick(position, 'averagePrice', 'averageOpenPrice', 'avgPrice') ?? ''),
    el('td', { class: 'num' }, money(pick(position, 'realizedPnl', 'realisedPnl'))),
    el('td', { class: 'num' }, money(pick(position, 'unrealizedPnl', 'unrealisedPnl'))));
}

async function loadPositions() {
  const positions = items(await api.get('/positions'), 'positions');
  fill(byId('positions-body'), positions.map(positionRow), 7, 'no positions');
}

function showPosition(position) {
  const body = byId('positions-body');
  const row = positionRow(position);
  const existing = body.querySelector(`tr[data-position="${CSS.escape(row.dataset.position)}"]`);
  if (existing) {
    existing.replaceWith(row);
  } else {
    dropEmptyRow(body);
    body.append(row);
  }
}

/** One sample of the node's equity (P&L since inception) per currency, from the risk monitor's node-wide figures. */
async function sampleEquity() {
  const figures = items(await api.get('/risk/monitor'), 'figures');
  const node = figures.filter((line) => String(pick(line, 'scope') ?? 'all') === 'all');
  const now = Date.now();
  const text = [];
  for (const line of node) {
    const currency = pick(line, 'currency') ?? '';
    const equity = amount(line.equity);
    equityChart.add(currency, now, forPlot(equity), equity);
    text.push(`${currency}: equity ${equity}, realised ${money(pick(line, 'realizedPnl'))}, unrealised `
      + `${money(pick(line, 'unrealizedPnl'))}, drawdown ${money(line.drawdown)}`);
  }
  byId('equity-figures').textContent = text.length ? text.join(' · ') : 'no positions yet';
  equityChart.render();
}

// ---- risk ---------------------------------------------------------------------------------------------------------

async function loadRisk() {
  await Promise.all([guarded('kill switches', loadKillSwitches), guarded('credit', loadCredit),
    guarded('limits', loadLimits)]);
}

async function loadKillSwitches() {
  const switches = items(await api.get('/risk/kill-switches'), 'killSwitches');
  const badge = byId('kill-state');
  const engaged = switches.map((engagedSwitch) => String(pick(engagedSwitch, 'scope') ?? ''));
  badge.dataset.engaged = String(engaged.length > 0);
  badge.dataset.scopes = engaged.join(' ');
  badge.textContent = engaged.length ? `ENGAGED: ${engaged.join(', ')}` : 'not engaged';
  byId('kill-switches').replaceChildren(...switches.map((engagedSwitch) => {
    const scope = String(pick(engagedSwitch, 'scope') ?? '');
    const by = pick(engagedSwitch, 'engagedBy', 'by');
    const reason = engagedSwitch.reason;
    return el('li', { dataset: { scope } },
      el('span', {}, `${scope}${engagedSwitch.mode ? ` (${engagedSwitch.mode})` : ''}${by ? ` by ${by}` : ''}`
        + `${reason ? `: ${reason}` : ''}`),
      can('risk') ? actionButton('Reset', { 'data-testid': `kill-reset-${scope}`, 'aria-label': `Reset the kill `
        + `switch on ${scope}` }, () => resetKillSwitch(scope)) : '');
  }));
}

async function resetKillSwitch(scope) {
  await api.delete(`/risk/kill-switches/${encodeURIComponent(scope)}`);
  say(`Kill switch on ${scope} reset.`);
  await loadKillSwitches();
}

function showKillConfirmation(visible) {
  byId('kill-engage-all').hidden = visible;
  byId('kill-confirm').hidden = !visible;
  byId('kill-cancel').hidden = !visible;
  (visible ? byId('kill-cancel') : byId('kill-engage-all')).focus();
}

byId('kill-engage-all').addEventListener('click', () => showKillConfirmation(true));
byId('kill-cancel').addEventListener('click', () => showKillConfirmation(false));
byId('kill-confirm').addEventListener('click', async () => {
  const button = byId('kill-confirm');
  button.disabled = true;
  try {
    const reason = byId('kill-reason').value.trim();
    const answer = await api.post('/risk/kill-switches', reason ? { scope: 'all', reason } : { scope: 'all' });
    say(`Kill switch engaged on all: ${answer && answer.cancelsSent !== undefined ? answer.cancelsSent : 'its'}`
      + ' cancels sent.');
    showKillConfirmation(false);
    await loadKillSwitches();
    later('orders', 500, () => guarded('working orders', loadOrders));
  } catch (error) {
    say(`Kill switch not engaged: ${describe(error)}`, true);
  } finally {
    button.disabled = false;
  }
});

async function loadCredit() {
  const lines = items(await api.get('/risk/credit'), 'credit');
  fill(byId('credit-body'), lines.map((line) => el('tr', {},
    el('td', {}, pick(line, 'scope') ?? ''),
    el('td', {}, pick(line, 'id') ?? ''),
    el('td', { class: 'num' }, `${money(pick(line, 'used'))} ${line.currency ?? ''}`.trim()),
    el('td', { class: 'num' }, money(pick(line, 'limit')) || 'none'))), 4, 'no credit in use');
}

async function loadLimits() {
  const sets = items(await api.get('/risk/limits'), 'limits');
  fill(byId('limits-body'), sets.map((set) => el('tr', {},
    el('th', { scope: 'row' }, pick(set, 'scope') ?? ''),
    el('td', { class: 'wrap' }, limitText(pick(set, 'limits', 'values', 'settings') ?? {})))), 2, 'no limits');
}

function limitText(values) {
  return Object.entries(values).map(([key, value]) => `${key} = ${typeof value === 'object' ? summary(value)
    : value}`).join('; ');
}

// ---- strategies ---------------------------------------------------------------------------------------------------

async function loadStrategies() {
  const instances = items(await api.get('/strategies'), 'strategies');
  fill(byId('strategies-body'), instances.map((instance) => {
    const id = instance.id;
    const running = instance.state === 'RUNNING';
    return el('tr', { dataset: { strategy: id, testid: `strategy-${id}` } },
      el('th', { scope: 'row' }, id),
      el('td', {}, instance.type ?? ''),
      el('td', { title: instance.reason ?? '' }, instance.state ?? ''),
      el('td', { class: 'num' }, pick(instance, 'ordersSent') ?? ''),
      el('td', {}, can('risk') ? actionButton(running ? 'Stop' : 'Start', {
        'data-testid': `strategy-${running ? 'stop' : 'start'}-${id}`,
        'aria-label': `${running ? 'Stop' : 'Start'} strategy ${id}`,
      }, async () => {
        const answer = await api.post(`/strategies/${encodeURIComponent(id)}/${running ? 'stop' : 'start'}`);
        say(answer && answer.message ? answer.message : `Strategy ${id} ${running ? 'stopped' : 'started'}.`);
        await loadStrategies();
      }) : ''));
  }), 5, 'no strategy instances');
}

// ---- alerts -------------------------------------------------------------------------------------------------------

async function loadAlerts() {
  const alerts = items(await api.get('/alerts', { limit: 100 }), 'alerts');
  fill(byId('alerts-body'), alerts.map(alertRow), 7, 'no open alerts');
}

function acknowledged(alert) {
  return Boolean(pick(alert, 'acknowledged', 'acknowledgement', 'ack'));
}

function alertRow(alert) {
  const id = String(alert.id);
  return el('tr', { dataset: { alert: id, testid: `alert-${id}` } },
    el('th', { scope: 'row' }, id),
    el('td', { class: `severity-${alert.severity}` }, alert.severity ?? ''),
    el('td', {}, clock(pick(alert, 'lastRaised', 'lastRaisedAt', 'firstRaised', 'raisedAt'))),
    el('td', {}, alert.source ?? ''),
    el('td', { class: 'wrap' }, alert.message ?? ''),
    el('td', { class: 'num' }, alert.count ?? ''),
    el('td', {}, acknowledged(alert) ? 'acknowledged' : can('risk') ? actionButton('Acknowledge', {
      'data-testid': `ack-${id}`, 'aria-label': `Acknowledge alert ${id}`,
    }, async () => {
      await api.post(`/alerts/${encodeURIComponent(id)}/ack`, {});
      say(`Alert ${id} acknowledged.`);
      await loadAlerts();
    }) : ''));
}

function showAlert(alert) {
  if (alert.id === undefined) {
    return;
  }
  const body = byId('alerts-body');
  const row = alertRow(alert);
  const existing = body.querySelector(`tr[data-alert="${CSS.escape(String(alert.id))}"]`);
  if (existing) {
    existing.replaceWith(row);
  } else {
    dropEmptyRow(body);
    body.prepend(row);
  }
}

// ---- start --------------------------------------------------------------------------------------------------------

if (api.signedIn) {
  start().catch((error) => say(describe(error), true));
} else {
  byId('login-user').focus();
}
