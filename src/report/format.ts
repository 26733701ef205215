/** Number formatting for people: one place so Slack, the CLI and reports agree. */
const en = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const cache = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1,234.5" with a fixed number of decimals. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  const f = cache.get(digits) ?? en(digits);
  cache.set(digits, f);
  return f.format(value);
}

/** 0.4051 → "41 %" (or "40.5 %" with digits = 1). */
export function pct(share: number, digits = 0): string {
  return `${num(share * 100, digits)} %`;
}

export const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;

export const FEATURE_TITLES = {
  age: 'Age',
  income: 'Annual income (k$)',
  spending: 'Spending score (1–100)',
} as const;

/** "well separated" / "partly overlapping" / "weak" in Kaufman & Rousseeuw's bands. */
export function separationWords(silhouette: number): string {
  if (silhouette >= 0.5) return 'well separated';
  return silhouette >= 0.25 ? 'partly overlapping' : 'barely separated';
}

/** Pads cells into a fixed-width text table (numbers right-aligned). */
export function textTable(columns: string[], rows: string[][], align: Array<'left' | 'right'> = []): string {
  const widths = columns.map((c, j) => Math.max(c.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (align[j] === 'right' ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
