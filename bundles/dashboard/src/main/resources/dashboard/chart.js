// A small line chart of values over time, drawn as SVG: no library, nothing but this origin's code on the page.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 64, right: 8, top: 8, bottom: 18 };

function node(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

export class LineChart {
  /**
   * @param svg       the <svg> to draw into (its viewBox is WIDTH x HEIGHT)
   * @param maxPoints how many samples per series to keep; older ones drop off the left
   */
  constructor(svg, maxPoints = 360) {
    this.svg = svg;
    this.maxPoints = maxPoints;
    this.series = new Map(); // name -> [{t, y, label}]
  }

  clear() {
    this.series.clear();
    this.render();
  }

  /** Adds one sample: y is the plotted number, label the exact text shown for it. */
  add(name, time, y, label) {
    if (y === null || y === undefined) {
      return;
    }
    let points = this.series.get(name);
    if (!points) {
      points = [];
      this.series.set(name, points);
    }
    points.push({ t: time, y, label });
    if (points.length > this.maxPoints) {
      points.splice(0, points.length - this.maxPoints);
    }
  }

  render() {
    this.svg.replaceChildren();
    const all = [...this.series.values()].flat();
    if (all.length === 0) {
      this.svg.append(node('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'label' },
        'no figures yet'));
      return;
    }
    let minT = Math.min(...all.map((p) => p.t));
    const maxT = Math.max(...all.map((p) => p.t));
    if (maxT === minT) {
      minT = maxT - 1000;
    }
    let minY = Math.min(0, ...all.map((p) => p.y));
    let maxY = Math.max(0, ...all.map((p) => p.y));
    if (maxY === minY) {
      maxY += 1;
      minY -= 1;
    }
    const x = (t) => PAD.left + ((t - minT) / (maxT - minT)) * (WIDTH - PAD.left - PAD.right);
    const y = (v) => PAD.top + ((maxY - v) / (maxY - minY)) * (HEIGHT - PAD.top - PAD.bottom);

    this.svg.append(
      node('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: HEIGHT - PAD.bottom, class: 'axis' }),
      node('line', { x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0), class: 'zero' }),
      node('text', { x: PAD.left - 4, y: PAD.top + 8, 'text-anchor': 'end', class: 'label' }, compact(maxY)),
      node('text', { x: PAD.left - 4, y: HEIGHT - PAD.bottom, 'text-anchor': 'end', class: 'label' }, compact(minY)),
      node('text', { x: PAD.left, y: HEIGHT - 4, class: 'label' }, clock(minT)),
      node('text', { x: WIDTH - PAD.right, y: HEIGHT - 4, 'text-anchor': 'end', class: 'label' }, clock(maxT)));

    let index = 0;
    for (const [name, points] of this.series) {
      const style = index % 4;
      const path = points.map((p) => `${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
      const line = node('polyline', { points: path, class: `series series-${style}` });
      line.append(node('title', {}, name));
      const last = points[points.length - 1];
      this.svg.append(line, node('text', { x: WIDTH - PAD.right, y: PAD.top + 10 + 12 * index,
        'text-anchor': 'end', class: `legend-${style}` }, `${name} ${last.label}`));
      index += 1;
    }
  }
}

function compact(value) {
  return Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M`
    : Math.abs(value) >= 1e4 ? `${(value / 1e3).toFixed(1)}k` : value.toFixed(2);
}

function clock(millis) {
  return new Date(millis).toLocaleTimeString();
}
