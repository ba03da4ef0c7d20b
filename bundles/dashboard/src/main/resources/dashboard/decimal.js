// Prices and quantities arrive as exact decimal strings ("64250.50"). They are compared and shown as strings, never
// turned into floating point, except to place a point on a chart (a pixel needs no exactness).

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function parse(text) {
  const match = DECIMAL.exec(String(text).trim());
  if (!match) {
    return null;
  }
  const whole = match[2].replace(/^0+(?=\d)/, '');
  const fraction = (match[3] || '').replace(/0+$/, '');
  const zero = /^0+$/.test(whole) && fraction === '';
  return { negative: match[1] === '-' && !zero, whole, fraction };
}

function compareMagnitude(a, b) {
  if (a.whole.length !== b.whole.length) {
    return a.whole.length < b.whole.length ? -1 : 1;
  }
  if (a.whole !== b.whole) {
    return a.whole < b.whole ? -1 : 1;
  }
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa === fb ? 0 : (fa < fb ? -1 : 1);
}

/** -1, 0 or 1 as decimal string a is below, equal to or above b; null when either is not a decimal. */
export function compareDecimal(a, b) {
  const x = parse(a);
  const y = parse(b);
  if (x === null || y === null) {
    return null;
  }
  if (x.negative !== y.negative) {
    return x.negative ? -1 : 1;
  }
  const magnitude = compareMagnitude(x, y);
  return x.negative ? -magnitude : magnitude;
}

/** Whether a decimal string is zero ("0", "0.000", "-0"). */
export function isZero(text) {
  const value = parse(text);
  return value !== null && /^0+$/.test(value.whole) && value.fraction === '';
}

/** A decimal string as a number, for chart coordinates only. */
export function forPlot(text) {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
