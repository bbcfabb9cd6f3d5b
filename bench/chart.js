"use strict";
// A small SVG chart of synth time against the number of environments, both axes logarithmic:
// the project's commands against the anchor, with bare `node -e 0` as the floor.

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 60, right: 200, top: 20, bottom: 50 };
const SERIES = [
  { key: "app", label: "cdktf.json app", color: "#1f77b4" },
  { key: "npm", label: "npm run synth", color: "#2ca02c" },
  { key: "anchor", label: "cdktf template (anchor)", color: "#d62728" },
];

function renderChart(results) {
  const points = results.sizes.flatMap((size) =>
    SERIES.filter((series) => size[series.key]).map((series) => ({ x: size.environments, y: size[series.key].seconds.median })),
  );
  const xs = points.map((point) => point.x);
  const ys = [...points.map((point) => point.y), results.floor.seconds.median];
  const x = logScale(Math.min(...xs), Math.max(...xs), MARGIN.left, WIDTH - MARGIN.right);
  const y = logScale(Math.min(...ys) / 1.5, Math.max(...ys) * 1.5, HEIGHT - MARGIN.bottom, MARGIN.top);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    ...ticks(y.domain).map(
      (tick) =>
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick} s</text>`,
    ),
    ...results.sizes.map(
      (size) => `<text x="${x(size.environments)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${size.environments}</text>`,
    ),
    `<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 10}" text-anchor="middle">environments (100 CIDRs, 10 attachments each; 3 = the examples)</text>`,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(results.floor.seconds.median)}" y2="${y(results.floor.seconds.median)}" stroke="#999" stroke-dasharray="4 3"/>`,
    legend(WIDTH - MARGIN.right + 12, MARGIN.top + 120, "#999", "node -e 0 (floor)", true),
  ];
  SERIES.forEach((series, index) => {
    const line = results.sizes.filter((size) => size[series.key]).map((size) => [x(size.environments), y(size[series.key].seconds.median)]);
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${line.map((p) => p.join(",")).join(" ")}"/>`);
    parts.push(...line.map(([px, py]) => `<circle cx="${px}" cy="${py}" r="3" fill="${series.color}"/>`));
    parts.push(legend(WIDTH - MARGIN.right + 12, MARGIN.top + 20 + index * 30, series.color, series.label, false));
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function logScale(min, max, from, to) {
  const [low, high] = [Math.log10(min), Math.log10(max === min ? max * 10 : max)];
  const scale = (value) => Math.round((from + ((Math.log10(value) - low) / (high - low)) * (to - from)) * 10) / 10;
  scale.domain = [10 ** low, 10 ** high];
  return scale;
}

function ticks([min, max]) {
  const result = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const step of [1, 3]) {
      const value = step * 10 ** power;
      if (value >= min && value <= max) {
        result.push(Number(value.toPrecision(1)));
      }
    }
  }
  return result;
}

function legend(x, y, color, label, dashed) {
  const dash = dashed ? ' stroke-dasharray="4 3"' : "";
  return `<line x1="${x}" x2="${x + 24}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2"${dash}/><text x="${x + 30}" y="${y + 4}">${label}</text>`;
}

module.exports = { renderChart };
