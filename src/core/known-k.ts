/**
 * Customer files with a known number of groups, for measuring how often a rule
 * for k finds the truth (the known-k benchmark) and how often a structure test
 * raises a false alarm on data with no groups at all.
 *
 * Gaussian groups are drawn in a unit latent space, then every feature is
 * mapped linearly into its Mall range (age 18–70, income 15–140 k$, spending
 * 1–100) and rounded to whole numbers, as real exports are. "Separation" is
 * the distance between the two closest centres in units of the groups'
 * standard deviation (8 = well separated, 3 = overlapping). Pure and seeded.
 */
import { rowNumberIds } from './ids.ts';
import { createRng, normal } from './random.ts';
import { type CatalogueFeature, type CustomerTable, GENDER_CODE } from './types.ts';

export const KNOWN_K_SHAPES = ['balanced', 'imbalanced', 'anisotropic', 'noise'] as const;
export type KnownKShape = (typeof KNOWN_K_SHAPES)[number];

export interface KnownKSpec {
  /** True number of groups; 1 = a single Gaussian blob, 0 = uniform over the box (no groups). */
  k: number;
  n: number;
  /** Closest-centre distance in within-group standard deviations. */
  separation: number;
  shape: KnownKShape;
  /** 2 = income × spending, 3 = age × income × spending. */
  dims: 2 | 3;
  seed: number;
}

const RANGES: Record<CatalogueFeature, [number, number]> = {
  age: [18, 70],
  income: [15, 140],
  spending: [1, 100],
};

export const knownKFeatures = (dims: 2 | 3): CatalogueFeature[] =>
  dims === 2 ? ['income', 'spending'] : ['age', 'income', 'spending'];

/** Imbalanced shares fall geometrically from the largest to 1/7 of it (k = 3: about 66/25/9). */
function weights(k: number, shape: KnownKShape): number[] {
  const raw = Array.from({ length: k }, (_, i) =>
    shape === 'imbalanced' && k > 1 ? 7 ** (-i / (k - 1)) : 1,
  );
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/** Centres spread in the unit cube, at least 0.5/k^(1/d) apart so none coincide; rejection sampling. */
function centres(k: number, d: number, rng: () => number): number[][] {
  const minGap = 0.5 / k ** (1 / d);
  const out: number[][] = [];
  for (let tries = 0; out.length < k; tries++) {
    const c = Array.from({ length: d }, () => rng());
    const gap = tries > 20_000 ? 0 : minGap;
    if (out.every((o) => Math.hypot(...o.map((v, j) => v - c[j]!)) >= gap)) out.push(c);
  }
  return out;
}

function closestPair(cs: number[][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let a = 0; a < cs.length; a++)
    for (let b = a + 1; b < cs.length; b++)
      best = Math.min(best, Math.hypot(...cs[a]!.map((v, j) => v - cs[b]![j]!)));
  return best;
}

/** A random rotation times diag(2, 1, …)/normaliser: elongated groups (axis ratio 2), each its own way. */
function shapeMatrix(d: number, shape: KnownKShape, rng: () => number): number[][] {
  const identity = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)),
  );
  if (shape !== 'anisotropic') return identity;
  // Gram–Schmidt on a Gaussian matrix gives a uniformly random rotation.
  const q: number[][] = [];
  while (q.length < d) {
    let v = Array.from({ length: d }, () => normal(rng));
    for (const u of q) {
      const dot = v.reduce((s, x, j) => s + x * u[j]!, 0);
      v = v.map((x, j) => x - dot * u[j]!);
    }
    const len = Math.hypot(...v);
    if (len > 1e-9) q.push(v.map((x) => x / len));
  }
  const axes = Array.from({ length: d }, (_, i) => (i === 0 ? 2 : 1) / 2 ** (1 / d));
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => q[j]![i]! * axes[j]!));
}

/** Latent points (n×d) and their true group (−1 = noise). */
function latent(spec: KnownKSpec, rng: () => number): { x: number[][]; truth: number[] } {
  const d = spec.dims;
  const x: number[][] = [];
  const truth: number[] = [];
  if (spec.k === 0) {
    for (let i = 0; i < spec.n; i++) {
      x.push(Array.from({ length: d }, () => rng()));
      truth.push(0);
    }
    return { x, truth };
  }
  const cs = spec.k === 1 ? [Array.from({ length: d }, () => 0.5)] : centres(spec.k, d, rng);
  const sd = spec.k === 1 ? 0.15 : closestPair(cs) / spec.separation;
  const shapes = cs.map(() => shapeMatrix(d, spec.shape, rng));
  const w = weights(spec.k, spec.shape);
  const noise = spec.shape === 'noise' ? Math.round(spec.n * 0.05) : 0;
  const counts = w.map((share) => Math.floor(share * (spec.n - noise)));
  for (let r = 0; counts.reduce((a, b) => a + b, 0) < spec.n - noise; r++) counts[r % spec.k]! += 1;
  counts.forEach((m, g) => {
    for (let i = 0; i < m; i++) {
      const z = Array.from({ length: d }, () => normal(rng));
      x.push(cs[g]!.map((c, a) => c + sd * shapes[g]![a]!.reduce((s, v, b) => s + v * z[b]!, 0)));
      truth.push(g);
    }
  });
  const lo = Array.from({ length: d }, (_, j) => Math.min(...x.map((p) => p[j]!)));
  const hi = Array.from({ length: d }, (_, j) => Math.max(...x.map((p) => p[j]!)));
  for (let i = 0; i < noise; i++) {
    x.push(lo.map((l, j) => l + rng() * (hi[j]! - l)));
    truth.push(-1);
  }
  return { x, truth };
}

/** The generated file as a customer table (columns not clustered on get Mall-like filler), plus the truth. */
export function knownKTable(spec: KnownKSpec): {
  table: CustomerTable;
  truth: Int32Array;
  features: CatalogueFeature[];
} {
  const rng = createRng(spec.seed);
  const { x, truth } = latent(spec, rng);
  const features = knownKFeatures(spec.dims);
  const n = x.length;
  // Shuffle so file order says nothing about the groups.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const table = {
    length: n,
    ids: rowNumberIds(n),
    gender: new Uint8Array(n),
    age: new Float64Array(n).fill(40),
    income: new Float64Array(n).fill(60),
    spending: new Float64Array(n).fill(50),
    lines: Uint32Array.from({ length: n }, (_, i) => i + 2),
  };
  features.forEach((f, j) => {
    const col = x.map((p) => p[j]!);
    const lo = Math.min(...col);
    const span = Math.max(...col) - lo || 1;
    const [a, b] = RANGES[f];
    order.forEach((src, i) => {
      table[f][i] = Math.round(a + ((col[src]! - lo) / span) * (b - a));
    });
  });
  for (let i = 0; i < n; i++) table.gender[i] = rng() < 0.55 ? GENDER_CODE.Female : GENDER_CODE.Male;
  return { table, truth: Int32Array.from(order, (src) => truth[src]!), features };
}

/** The benchmark grid: k 2..10 × n × separation × shape × 2/3 features, one seed per file. */
export function knownKGrid(options: {
  ks?: number[];
  ns?: number[];
  separations?: number[];
  shapes?: readonly KnownKShape[];
  dims?: Array<2 | 3>;
  seed?: number;
}): KnownKSpec[] {
  const specs: KnownKSpec[] = [];
  let s = options.seed ?? 2026;
  for (const n of options.ns ?? [200, 1_000, 20_000])
    for (const separation of options.separations ?? [8, 5, 3])
      for (const shape of options.shapes ?? KNOWN_K_SHAPES)
        for (const dims of options.dims ?? [2, 3])
          for (const k of options.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10])
            specs.push({ k, n, separation, shape, dims, seed: s++ });
  return specs;
}
