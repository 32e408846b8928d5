/** A small hand-written SVG line chart (log–log), so the benchmark needs no browser or plotting package. */

export interface ChartSeries {
  name: string;
  color: string;
  /** Points (x, y); non-finite or non-positive values are skipped (log axes). */
  points: { x: number; y: number }[];
  dashed?: boolean;
}

export interface ChartPanel {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const fmt = (value: number) =>
  value >= 1000
    ? `${Math.round(value / 100) / 10}k`
    : value >= 10
      ? String(Math.round(value))
      : String(Math.round(value * 100) / 100);

function panelSvg(panel: ChartPanel, x0: number, width: number, height: number): string {
  const margin = { left: 62, right: 16, top: 34, bottom: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const valid = panel.series
    .flatMap((s) => s.points)
    .filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const parts: string[] = [`<g transform="translate(${x0},0)">`];
  parts.push(
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`,
  );
  if (valid.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="12">no data</text></g>`);
    return parts.join("");
  }
  const lx = valid.map((p) => Math.log10(p.x));
  const ly = valid.map((p) => Math.log10(p.y));
  const xMin = Math.floor(Math.min(...lx));
  const xMax = Math.max(xMin + 1, Math.ceil(Math.max(...lx)));
  const yMin = Math.floor(Math.min(...ly));
  const yMax = Math.max(yMin + 1, Math.ceil(Math.max(...ly)));
  const sx = (x: number) => margin.left + ((Math.log10(x) - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => margin.top + plotH - ((Math.log10(y) - yMin) / (yMax - yMin)) * plotH;

  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#999"/>`,
  );
  for (let e = xMin; e <= xMax; e++) {
    const x = sx(10 ** e);
    parts.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${margin.top + plotH}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${x}" y="${margin.top + plotH + 16}" text-anchor="middle" font-size="11">${fmt(10 ** e)}×</text>`,
    );
  }
  for (let e = yMin; e <= yMax; e++) {
    const y = sy(10 ** e);
    parts.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + plotW}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${fmt(10 ** e)}</text>`);
  }
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle" font-size="12">${escapeXml(panel.xLabel)}</text>`,
  );
  parts.push(
    `<text x="14" y="${margin.top + plotH / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${margin.top + plotH / 2})">${escapeXml(panel.yLabel)}</text>`,
  );
  panel.series.forEach((series, i) => {
    const points = series.points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
    if (points.length > 0) {
      const d = points.map((p, j) => `${j === 0 ? "M" : "L"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
      parts.push(
        `<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
      for (const p of points) {
        parts.push(
          `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="${series.color}"><title>${escapeXml(`${series.name}: ${fmt(p.y)} at ${p.x}×`)}</title></circle>`,
        );
      }
    }
    const ly0 = margin.top + 12 + i * 16;
    parts.push(
      `<line x1="${margin.left + 8}" y1="${ly0 - 4}" x2="${margin.left + 26}" y2="${ly0 - 4}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="4 3"' : ""}/>`,
    );
    parts.push(`<text x="${margin.left + 30}" y="${ly0}" font-size="11">${escapeXml(series.name)}</text>`);
  });
  parts.push("</g>");
  return parts.join("\n");
}

/** Panels side by side, each `panelWidth` wide, with a caption line under them. */
export function renderChart(panels: ChartPanel[], caption: string, panelWidth = 460, height = 340): string {
  const width = panelWidth * panels.length;
  const body = panels.map((panel, i) => panelSvg(panel, i * panelWidth, panelWidth, height)).join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 24}" viewBox="0 0 ${width} ${height + 24}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    body,
    `<text x="8" y="${height + 16}" font-size="11" fill="#555">${escapeXml(caption)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}
