/** Adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same items; 1 = identical partitions. */
export function adjustedRandIndex(a: ArrayLike<string | number>, b: ArrayLike<string | number>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const index = sum(table);
  const expected = (sum(rows) * sum(cols)) / pairs(n);
  const max = (sum(rows) + sum(cols)) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
