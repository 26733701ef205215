/**
 * True when every id is a canonical whole number (`17`, not `017` or `17.0`)
 * and no two are equal: the usual customer file, proved without a map of
 * strings. False means "maybe repeated" (or not numeric); callers then check
 * with the exact string comparison.
 */
export function uniqueWholeNumbers(ids: readonly string[]): boolean {
  const n = ids.length;
  const values = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = canonicalWhole(ids[i]!);
    if (v < 0) return false;
    values[i] = v;
    if (v > max) max = v;
  }
  // Ids up to a few times the row count fit a bitmap; others are sorted.
  if (max <= 4 * n + 1024) {
    const seen = new Uint8Array(max + 1);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (seen[v]) return false;
      seen[v] = 1;
    }
    return true;
  }
  values.sort();
  for (let i = 1; i < n; i++) if (values[i] === values[i - 1]) return false;
  return true;
}

/** `"42"` → 42; −1 for anything else (leading zeros, signs, over 15 digits, not digits). */
function canonicalWhole(id: string): number {
  const length = id.length;
  if (length === 0 || length > 15 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
