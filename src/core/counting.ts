/**
 * The row passes of the counting EDA (core/eda-counts.ts): whole-number
 * feature columns counted per gender slot, and every pair's cross-product sum,
 * exactly. Per column one pass checks that every value is a whole number and
 * finds the range; then columns are counted three at a time in one pass that
 * also sums their cross products (a pass per column and one per pair took
 * 1.6 times as long at 1M rows). Pairs from different groups of three, only in
 * files with candidate columns, take a pass each.
 */
import { type Feature, GENDER_CODE } from './types.ts';

/** Above this many distinct possible values a column is left to the general path. */
export const MAX_COUNTED_SPAN = 1 << 16;

/**
 * Whether a column spanning max − min = `span` over n rows is counted: the
 * counters must be few next to the rows (a 200-row file with incomes in
 * dollars sorts faster than it counts 60,000 counters a dozen times over).
 */
export const countableSpan = (span: number, n: number): boolean =>
  span <= MAX_COUNTED_SPAN && span <= 4 * n + 1024;

/** Counts are kept per slot: 0 Female, 1 Male, 2 anyone else (unknown or another code). */
export const SLOTS = 3;
const SLOT_OF_CODE = Uint8Array.from({ length: 256 }, (_, code) =>
  code === GENDER_CODE.Female ? 0 : code === GENDER_CODE.Male ? 1 : 2,
);

export interface CountedColumn {
  readonly feature: Feature;
  readonly min: number;
  /** max − min + 1: counts hold `width` counters per slot. */
  readonly width: number;
  /** counts[slot · width + (v − min)] = how many rows of that slot hold v. */
  readonly counts: Uint32Array;
}

export interface CountedTable {
  readonly columns: readonly CountedColumn[];
  /** Σ (x_a − min_a)(x_b − min_b) over the rows, exact, for columns a ≠ b. */
  coSum(a: number, b: number): bigint;
}

interface Column {
  readonly feature: Feature;
  readonly values: Float64Array;
}

/** The range of a column of whole numbers this path can count exactly, or null. */
function wholeRange(values: Float64Array): { min: number; max: number } | null {
  const n = values.length;
  // A few rows first, as in `blocks`: V8 has then seen all of scan run before it optimises the long call.
  const head = scan(values, 0, Math.min(n, 64), {
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    fractions: 0,
  });
  const { min, max, fractions } = scan(values, Math.min(n, 64), n, head);
  // Every sum of values (and of counts × values) must stay an exact double.
  if (n === 0 || fractions !== 0 || !countableSpan(max - min, n) || Math.max(-min, max) * n > 2 ** 53)
    return null;
  return { min, max };
}

type Scanned = { min: number; max: number; fractions: number };

/** `from` carried on over rows [start, end): min, max and the sum of fractions. */
function scan(values: Float64Array, start: number, end: number, from: Scanned): Scanned {
  let { min, max, fractions } = from;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    // Each fraction is ≥ 0, so the sum stays 0 only when every value is whole (NaN and ±∞ make it NaN).
    fractions += v - Math.floor(v);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { min, max, fractions };
}

type Shifted = { values: Float64Array; min: number; width: number; counts: Uint32Array };

// The kernels: rows [start, end) of a block (`blocks`) counted per slot, cross products summed.
function count1(g: Uint8Array, a: Shifted, start: number, end: number): number[] {
  const { values: av, min: am, width: aw, counts: ac } = a;
  for (let i = start; i < end; i++) ac[SLOT_OF_CODE[g[i]!]! * aw + av[i]! - am]!++;
  return [];
}

function count2(g: Uint8Array, a: Shifted, b: Shifted, start: number, end: number): number[] {
  const { values: av, min: am, width: aw, counts: ac } = a;
  const { values: bv, min: bm, width: bw, counts: bc } = b;
  let ab = 0;
  for (let i = start; i < end; i++) {
    const s = SLOT_OF_CODE[g[i]!]!;
    const x = av[i]! - am;
    const y = bv[i]! - bm;
    ac[s * aw + x]!++;
    bc[s * bw + y]!++;
    ab += x * y;
  }
  return [ab];
}

function count3(g: Uint8Array, a: Shifted, b: Shifted, c: Shifted, start: number, end: number): number[] {
  const { values: av, min: am, width: aw, counts: ac } = a;
  const { values: bv, min: bm, width: bw, counts: bc } = b;
  const { values: cv, min: cm, width: cw, counts: cc } = c;
  let ab = 0;
  let ac2 = 0;
  let bc2 = 0;
  for (let i = start; i < end; i++) {
    const s = SLOT_OF_CODE[g[i]!]!;
    const x = av[i]! - am;
    const y = bv[i]! - bm;
    const z = cv[i]! - cm;
    ac[s * aw + x]!++;
    bc[s * bw + y]!++;
    cc[s * cw + z]!++;
    ab += x * y;
    ac2 += x * z;
    bc2 += y * z;
  }
  return [ab, ac2, bc2];
}

function crossSum(a: Shifted, b: Shifted, start: number, end: number): number {
  const { values: av, min: am } = a;
  const { values: bv, min: bm } = b;
  let s = 0;
  for (let i = start; i < end; i++) s += (av[i]! - am) * (bv[i]! - bm);
  return s;
}

/**
 * Row blocks for a pass summing cross products of these columns: [start, end)
 * bounds. A block's sums stay below 2^30 where the spans allow (V8's small integers,
 * which V8 adds without allocating a number per row before it has optimised
 * the pass), and always below 2^53 (exact doubles). The first block is a few
 * rows, so the whole kernel has run once before V8 optimises it mid-loop
 * (code it had not seen run was thrown away at the loop's end).
 */
function blocks(n: number, cols: readonly Shifted[]): number[] {
  const spans = cols.map((c) => c.width - 1).sort((p, q) => q - p);
  const product = Math.max(1, (spans[0] ?? 1) * (spans[1] ?? 1));
  const small = Math.floor((2 ** 30 - 1) / product);
  const size = small >= 1024 ? small : Math.floor(2 ** 53 / product);
  const bounds = [0];
  for (let end = Math.min(n, 64); ; end = Math.min(n, end + size)) {
    bounds.push(end);
    if (end === n) return bounds;
  }
}

/** The columns counted, or null when one is not whole numbers over at most MAX_COUNTED_SPAN + 1 values. */
export function countColumns(gender: Uint8Array, columns: readonly Column[]): CountedTable | null {
  const shifted: Shifted[] = [];
  for (const { values } of columns) {
    const range = wholeRange(values);
    if (!range) return null;
    const width = range.max - range.min + 1;
    shifted.push({ values, min: range.min, width, counts: new Uint32Array(SLOTS * width) });
  }
  const n = gender.length;
  const d = shifted.length;
  const sums = Array.from({ length: d }, () => new Array<bigint>(d).fill(0n));
  const add = (a: number, b: number, s: number) => {
    sums[a]![b]! += BigInt(s);
  };
  for (let first = 0; first < d; first += 3) {
    const group = shifted.slice(first, first + 3);
    const [a, b, c] = group as [Shifted, Shifted?, Shifted?];
    const bounds = blocks(n, group);
    for (let k = 1; k < bounds.length; k++) {
      const start = bounds[k - 1]!;
      const end = bounds[k]!;
      if (!b) count1(gender, a, start, end);
      else if (!c) add(first, first + 1, count2(gender, a, b, start, end)[0]!);
      else {
        const [ab, ac, bc] = count3(gender, a, b, c, start, end) as [number, number, number];
        add(first, first + 1, ab);
        add(first, first + 2, ac);
        add(first + 1, first + 2, bc);
      }
    }
  }
  // Pairs in different groups of three.
  for (let a = 0; a < d; a++)
    for (let b = (Math.floor(a / 3) + 1) * 3; b < d; b++) {
      const bounds = blocks(n, [shifted[a]!, shifted[b]!]);
      for (let k = 1; k < bounds.length; k++)
        add(a, b, crossSum(shifted[a]!, shifted[b]!, bounds[k - 1]!, bounds[k]!));
    }
  return {
    columns: shifted.map((s, j) => ({
      feature: columns[j]!.feature,
      min: s.min,
      width: s.width,
      counts: s.counts,
    })),
    coSum: (a, b) => (a < b ? sums[a]![b]! : sums[b]![a]!),
  };
}
