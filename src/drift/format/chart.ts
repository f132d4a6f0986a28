export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A horizontal bar chart as inline SVG: no script, no external asset, readable without CSS. */
export function barChart(title: string, rows: Array<[label: string, value: number]>, color: (label: string) => string): string {
  const rowH = 26;
  const labelW = 170;
  const barW = 300;
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const height = 30 + rows.length * rowH;
  const bars = rows
    .map(([label, value], i) => {
      const y = 28 + i * rowH;
      const w = Math.round((value / max) * barW);
      return [
        `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" class="lbl">${esc(label)}</text>`,
        `<rect x="${labelW}" y="${y}" width="${Math.max(w, value > 0 ? 3 : 0)}" height="${rowH - 8}" rx="3" fill="${color(label)}"><title>${esc(label)}: ${value}</title></rect>`,
        `<text x="${labelW + w + 6}" y="${y + 14}" class="val">${value}</text>`,
      ].join('');
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" viewBox="0 0 ${labelW + barW + 50} ${height}" width="${labelW + barW + 50}" height="${height}">` +
    `<text x="0" y="16" class="ttl">${esc(title)}</text>${bars}</svg>`
  );
}
