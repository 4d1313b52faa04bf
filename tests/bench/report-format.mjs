/**
 * Formatting for the bench report (tests/bench/report.mjs): figures as text (ms, ratios, KB,
 * counts), the median, and markdown tables. Pure; judges nothing.
 */

/** Median of a list of numbers (mean of the two middle ones for an even count); NaN when empty. */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const isNum = (x) => typeof x === 'number' && Number.isFinite(x);

/** "12.3 ms" (digits after the point: 2 under 10 ms, 1 under 100, 0 above); "–" for no figure. */
export function ms(x) {
  if (!isNum(x)) return '–';
  const digits = Math.abs(x) < 10 ? 2 : Math.abs(x) < 100 ? 1 : 0;
  return `${x.toFixed(digits)} ms`;
}

/** A ratio a/b as "1.84×"; "–" when either figure is missing or b is 0. */
export function ratio(a, b) {
  if (!isNum(a) || !isNum(b) || b === 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

/** A signed difference as "+3.2 ms" / "−3.2 ms" / "±0 ms". */
export function signedMs(x) {
  if (!isNum(x)) return '–';
  if (x === 0) return '±0 ms';
  return `${x > 0 ? '+' : '−'}${ms(Math.abs(x))}`;
}

/** Bytes as KB with one decimal (1 KB = 1,024 bytes). */
export function kb(bytes) {
  return isNum(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–';
}

/** Grouped thousands: 10000 → "10,000". */
export const count = (n) => (isNum(n) ? n.toLocaleString('en-US') : String(n ?? '–'));

/** A markdown cell: pipes escaped, line breaks flattened. */
const cell = (text) =>
  String(text)
    .replaceAll('|', '\\|')
    .replace(/\s*\n\s*/g, ' ');

/**
 * A markdown table with columns padded to equal width, so it reads as a table in a terminal too.
 * @param {string[]} headers
 * @param {string[][]} rows  each row as many cells as there are headers
 * @returns {string}
 */
export function markdownTable(headers, rows) {
  const all = [headers, ...rows].map((row) => headers.map((_, i) => cell(row[i] ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}
