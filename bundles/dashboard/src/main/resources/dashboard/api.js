// The node's REST API (/api/v1) and its WebSocket stream, as the page uses them. The token lives in sessionStorage:
// it ends with the tab, and no other site can read it.

const TOKEN_KEY = 'alphintra.token';
const BASE = '/api/v1';

/** A refused call: the HTTP status and the API's error body {code, message, field?, ...}. */
export class ApiError extends Error {
  constructor(status, body) {
    const detail = body && typeof body === 'object' ? body : {};
    super(detail.message || `HTTP ${status}`);
    this.status = status;
    this.code = detail.code || `HTTP_${status}`;
    this.body = detail;
  }
}

export class Api {
  /** @param onSignedOut called once a call finds the token no longer accepted (expired, logged out elsewhere) */
  constructor(onSignedOut) {
    this.token = sessionStorage.getItem(TOKEN_KEY);
    this.onSignedOut = onSignedOut;
  }

  get signedIn() {
    return Boolean(this.token);
  }

  async login(user, password) {
    const session = await this.request('POST', '/session', { user, password }, false);
    this.token = session.token;
    sessionStorage.setItem(TOKEN_KEY, session.token);
    return session;
  }

  async logout() {
    try {
      if (this.token) {
        await this.request('DELETE', '/session');
      }
    } finally {
      this.forget();
    }
  }

  forget() {
    this.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
  }

  get(path, query) {
    return this.request('GET', path + queryString(query));
  }

  post(path, body) {
    return this.request('POST', path, body === undefined ? {} : body);
  }

  put(path, body) {
    return this.request('PUT', path, body);
  }

  delete(path) {
    return this.request('DELETE', path);
  }

  async request(method, path, body, authenticated = true) {
    const headers = { Accept: 'application/json' };
    if (authenticated && this.token) {
      headers.Authorization = `Bearer ${this.token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(BASE + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
        credentials: 'omit',
      });
    } catch (failure) {
      throw new ApiError(0, { code: 'NETWORK', message: `the node did not answer ${method} ${path}: ${failure.message}` });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { message: text };
      }
    }
    if (response.status === 401 && authenticated) {
      this.forget();
      this.onSignedOut('Your session has ended: sign in again.');
    }
    if (!response.ok) {
      throw new ApiError(response.status, data);
    }
    return data;
  }
}

function queryString(query) {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The items of a list answer, whether the API sends a bare array or wraps it ({"orders":[..]}). */
export function items(data, key) {
  if (Array.isArray(data)) {
    return data;
  }
  if (data && Array.isArray(data[key])) {
    return data[key];
  }
  return [];
}

const CHANNELS = [
  { op: 'subscribe', channel: 'market', instrument: '*' },
  { op: 'subscribe', channel: 'executions' },
  { op: 'subscribe', channel: 'positions' },
  { op: 'subscribe', channel: 'alerts' },
];

/**
 * The live stream: authenticates with the token (browsers cannot set headers on a WebSocket), subscribes to every
 * channel the page shows, and reconnects with a growing pause when the connection drops. After a reconnect the page
 * reloads its panels, since what happened while it was away was not streamed to it.
 */
export class Stream {
  constructor(api, { onMessage, onState, onRefused, onReconnected, onError }) {
    this.api = api;
    this.handlers = { onMessage, onState, onRefused, onReconnected, onError };
    this.socket = null;
    this.retry = null;
    this.pause = 1000;
    this.reconnecting = false;
    this.stopped = true;
  }

  open() {
    this.stopped = false;
    this.connect();
  }

  close() {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.socket) {
      this.socket.close(1000, 'signed out');
      this.socket = null;
    }
    this.handlers.onState('offline');
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/stream`);
    this.socket = socket;
    this.handlers.onState('connecting');
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ op: 'auth', token: this.api.token }));
      for (const subscription of CHANNELS) {
        socket.send(JSON.stringify(subscription));
      }
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === 'subscribed') {
        this.pause = 1000;
        this.handlers.onState('live');
        if (this.reconnecting) {
          this.reconnecting = false;
          this.handlers.onReconnected();
        }
      } else if (message.type === 'error') {
        this.handlers.onError(`stream: ${message.message || message.code}`);
      } else if (message.channel) {
        this.handlers.onMessage(message.channel, message);
      }
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (this.stopped) {
        return;
      }
      if (event.code === 4401) {
        this.stopped = true;
        this.handlers.onState('offline');
        this.handlers.onRefused();
        return;
      }
      this.handlers.onState('offline');
      if (event.code === 4008 || event.code === 1009) {
        this.handlers.onError(`stream closed by the node: ${event.reason || event.code}; reconnecting`);
      }
      this.reconnecting = true;
      this.retry = setTimeout(() => this.connect(), this.pause);
      this.pause = Math.min(this.pause * 2, 15000);
    });
  }
}
