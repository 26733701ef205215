/**
 * Research: candidate rules for k (and structure verdicts) evaluated on the
 * cache written by test/bench/known-k-dump.ts, so dozens of rules cost one
 * sweep per file. Prints recovery by condition for each rule and where the
 * misses are.
 *
 *   npx tsx test/bench/known-k-rules.ts /tmp/kk-200.jsonl [/tmp/kk-1000.jsonl …] [--misses RULE]
 */
import { readFileSync } from 'node:fs';
import type { KnownKSpec } from '../../src/core/known-k.ts';

export interface CachedRow {
  k: number;
  inertia: number;
  silhouette: number;
  ch: number;
  db: number;
  /** 1 when the fit has a thin scatter (selection.ts step 0); absent in caches written before it was dumped. */
  scatter?: number;
}
interface RefDraw {
  t: number;
  sil: number[];
  w: number[];
}
export interface CachedFile {
  spec: KnownKSpec;
  rows: CachedRow[];
  ruleK: number;
  sample: { n: number; d: number; t: number };
  dataSil: number[];
  dataW: number[];
  gaussian: RefDraw[];
  uniform: RefDraw[];
}

export const loadCache = (paths: string[]): CachedFile[] =>
  paths.flatMap((p) =>
    readFileSync(p, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as CachedFile),
  );

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
const argmax = (ks: number[], score: (i: number) => number) => {
  let best = 0;
  for (let i = 1; i < ks.length; i++) if (score(i) > score(best)) best = i;
  return ks[best]!;
};

/** Per-k reference figures (index i ↔ rows[i].k). */
function refStats(f: CachedFile, family: 'gaussian' | 'uniform' | 'both') {
  const draws = family === 'both' ? [...f.gaussian, ...f.uniform] : f[family];
  return f.rows.map((_, i) => ({
    silMean: mean(draws.map((d) => d.sil[i]!)),
    silSd: sd(draws.map((d) => d.sil[i]!)),
    logW: mean(draws.map((d) => Math.log(d.w[i]!))),
    logWsd: sd(draws.map((d) => Math.log(d.w[i]!))),
    logT: mean(draws.map((d) => Math.log(d.t))),
    logCh: mean(
      draws.map((d) => {
        const k = f.rows[i]!.k;
        const n = f.sample.n;
        return Math.log(((d.t - d.w[i]!) * (n - k)) / (d.w[i]! * (k - 1)));
      }),
    ),
  }));
}

export type Rule = (f: CachedFile) => number;

/** The current rule's family: silhouette max, then a larger k on a CH gain with a comparable silhouette. */
export const combo =
  (slack: number, gain: number): Rule =>
  (f) => {
    const best = f.rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    let chosen = best;
    for (const r of f.rows)
      if (
        r.k > best.k &&
        r.silhouette >= best.silhouette - slack &&
        r.ch >= (1 + gain) * best.ch &&
        r.ch > chosen.ch
      )
        chosen = r;
    return chosen.k;
  };

/** Tibshirani's gap statistic on the structure sample (k = 1 from the total sum of squares), 1-SE rule. */
export const gap =
  (family: 'gaussian' | 'uniform', allowOne: boolean, se = 1): Rule =>
  (f) => {
    const ref = refStats(f, family);
    const draws = f[family];
    const ks = [1, ...f.rows.map((r) => r.k)];
    const logWdata = [Math.log(f.sample.t), ...f.dataW.map((w) => Math.log(Math.max(w, 1e-12)))];
    const logWref = [mean(draws.map((d) => Math.log(d.t))), ...ref.map((r) => r.logW)];
    const sRef = [sd(draws.map((d) => Math.log(d.t))), ...ref.map((r) => r.logWsd)].map(
      (s) => s * Math.sqrt(1 + 1 / draws.length),
    );
    const g = logWref.map((x, i) => x - logWdata[i]!);
    const start = allowOne ? 0 : 1;
    for (let i = start; i < ks.length - 1; i++) if (g[i]! >= g[i + 1]! - se * sRef[i + 1]!) return ks[i]!;
    return ks[ks.length - 1]!;
  };

export const gapMax =
  (family: 'gaussian' | 'uniform'): Rule =>
  (f) => {
    const ref = refStats(f, family);
    return argmax(
      f.rows.map((r) => r.k),
      (i) => ref[i]!.logW - Math.log(Math.max(f.dataW[i]!, 1e-12)),
    );
  };

/** Silhouette above the groupless reference at the same k (difference or z). */
export const silOverNull =
  (family: 'gaussian' | 'uniform' | 'both', mode: 'diff' | 'z', source: 'sweep' | 'sample' = 'sweep'): Rule =>
  (f) => {
    const ref = refStats(f, family);
    const sil = (i: number) => (source === 'sweep' ? f.rows[i]!.silhouette : f.dataSil[i]!);
    return argmax(
      f.rows.map((r) => r.k),
      (i) =>
        mode === 'diff'
          ? sil(i) - ref[i]!.silMean
          : (sil(i) - ref[i]!.silMean) / Math.max(ref[i]!.silSd, 1e-3),
    );
  };

/** CH over the reference's CH at the same k (log ratio), on the structure sample. */
export const chOverNull =
  (family: 'gaussian' | 'uniform'): Rule =>
  (f) => {
    const ref = refStats(f, family);
    const n = f.sample.n;
    return argmax(
      f.rows.map((r) => r.k),
      (i) => {
        const k = f.rows[i]!.k;
        const w = f.dataW[i]!;
        return Math.log(((f.sample.t - w) * (n - k)) / (w * (k - 1))) - ref[i]!.logCh;
      },
    );
  };

/**
 * Silhouette maximum, then a larger k whose blended score (silhouette + a·ln CH + g·Gaussian gap on the
 * structure sample) beats the silhouette maximum's by delta, with a silhouette at most `slack` lower.
 * Measured and rejected in selection.ts's top comment: the Mall file's k moves with the reference draws.
 */
export const blend =
  (a: number, g: number, slack: number, delta: number): Rule =>
  (f) => {
    const ref = refStats(f, 'gaussian');
    let pool = f.rows.map((_, i) => i).filter((i) => !f.rows[i]!.scatter);
    if (!pool.length) pool = f.rows.map((_, i) => i);
    const score = (i: number) =>
      f.rows[i]!.silhouette +
      a * Math.log(f.rows[i]!.ch) +
      g * (ref[i]!.logW - Math.log(Math.max(f.dataW[i]!, 1e-12)));
    const start = pool.reduce((b, i) => (f.rows[i]!.silhouette > f.rows[b]!.silhouette ? i : b), pool[0]!);
    let chosen = start;
    for (const i of pool)
      if (
        f.rows[i]!.silhouette >= f.rows[start]!.silhouette - slack &&
        score(i) >= score(start) + delta &&
        score(i) > score(chosen)
      )
        chosen = i;
    return f.rows[chosen]!.k;
  };

const silMax: Rule = (f) =>
  argmax(
    f.rows.map((r) => r.k),
    (i) => f.rows[i]!.silhouette,
  );
const chMax: Rule = (f) =>
  argmax(
    f.rows.map((r) => r.k),
    (i) => f.rows[i]!.ch,
  );
const dbMin: Rule = (f) =>
  argmax(
    f.rows.map((r) => r.k),
    (i) => -f.rows[i]!.db,
  );

/**
 * Sugar and James' jump method: distortion W_k / (n·p) raised to −p/2, and the
 * k with the largest rise over k − 1 (W_1 is the total sum of squares).
 */
const jump: Rule = (f) => {
  const { n, d, t } = f.sample;
  const lifted = (w: number) => (w / (n * d)) ** (-d / 2);
  return argmax(
    f.rows.map((r) => r.k),
    (i) => lifted(f.rows[i]!.inertia) - (i === 0 ? lifted(t) : lifted(f.rows[i - 1]!.inertia)),
  );
};

/** Krzanowski and Lai: |DIFF(k)| / |DIFF(k + 1)|, DIFF(k) = (k − 1)^(2/p)·W_{k−1} − k^(2/p)·W_k. */
const krzanowskiLai: Rule = (f) => {
  const { d, t } = f.sample;
  const w = (i: number) => (i < 0 ? t : f.rows[i]!.inertia);
  const diff = (i: number) => (f.rows[i]!.k - 1) ** (2 / d) * w(i - 1) - f.rows[i]!.k ** (2 / d) * w(i);
  const ks = f.rows.map((r) => r.k).slice(0, -1);
  return argmax(ks, (i) => Math.abs(diff(i)) / Math.abs(diff(i + 1)));
};

export const RULES: Record<string, Rule> = {
  current: (f) => f.ruleK,
  silMax,
  chMax,
  dbMin,
  'gap-unif-1se': gap('uniform', false),
  'gap-gauss-1se': gap('gaussian', false),
  'gap-unif-max': gapMax('uniform'),
  'silNull-gauss-diff': silOverNull('gaussian', 'diff'),
  'silNull-unif-diff': silOverNull('uniform', 'diff'),
  'silNull-both-diff': silOverNull('both', 'diff'),
  'silNull-gauss-z': silOverNull('gaussian', 'z'),
  'silNull-unif-z': silOverNull('uniform', 'z'),
  'chNull-gauss': chOverNull('gaussian'),
  'chNull-unif': chOverNull('uniform'),
  'blend-.5-.7': blend(0.5, 0.7, 0.15, 0.02),
  jump,
  krzanowskiLai,
};

type Cond = [string, (s: KnownKSpec) => boolean];
export const CONDITIONS: Cond[] = [
  ['overall', () => true],
  ['8 sd balanced', (s) => s.separation === 8 && s.shape === 'balanced'],
  ['8 sd', (s) => s.separation === 8],
  ['5 sd', (s) => s.separation === 5],
  ['3 sd', (s) => s.separation === 3],
  ['balanced', (s) => s.shape === 'balanced'],
  ['imbalanced', (s) => s.shape === 'imbalanced'],
  ['anisotropic', (s) => s.shape === 'anisotropic'],
  ['noise', (s) => s.shape === 'noise'],
  ['2 feat', (s) => s.dims === 2],
  ['3 feat', (s) => s.dims === 3],
  ['n 200', (s) => s.n === 200],
  ['n 1000', (s) => s.n === 1000],
  ['n 20000', (s) => s.n === 20000],
  ['k 2-4', (s) => s.k <= 4],
  ['k 5-7', (s) => s.k >= 5 && s.k <= 7],
  ['k 8-10', (s) => s.k >= 8],
];

export function table(files: CachedFile[], rules: Record<string, Rule>): string[] {
  const clustered = files.filter((f) => f.spec.k >= 2);
  const names = Object.keys(rules);
  const picks = new Map(names.map((n) => [n, clustered.map((f) => rules[n]!(f))]));
  const w = Math.max(...names.map((n) => n.length), 8);
  const conds = CONDITIONS.filter(([, t]) => clustered.some((f) => t(f.spec)));
  const lines = [`${'rule'.padEnd(w)} ${conds.map(([c]) => c.padStart(Math.max(6, c.length))).join(' ')}`];
  lines.push(
    `${'files'.padEnd(w)} ${conds.map(([c, t]) => String(clustered.filter((f) => t(f.spec)).length).padStart(Math.max(6, c.length))).join(' ')}`,
  );
  for (const n of names) {
    const p = picks.get(n)!;
    const cells = conds.map(([c, t]) => {
      const idx = clustered.map((f, i) => (t(f.spec) ? i : -1)).filter((i) => i >= 0);
      const hit = idx.filter((i) => p[i] === clustered[i]!.spec.k).length;
      return `${Math.round((100 * hit) / idx.length)}`.padStart(Math.max(6, c.length));
    });
    lines.push(`${n.padEnd(w)} ${cells.join(' ')}`);
  }
  return lines;
}

/** Structure verdict at k from the cache, as core/structure.ts decides it. */
export function structureAt(
  f: CachedFile,
  k: number,
  z: { clear: number; weak: number } = { clear: 2, weak: 1.5 },
): 'clear' | 'weak' | 'none' {
  const i = f.rows.findIndex((r) => r.k === k);
  const s = f.dataSil[i]!;
  const zz = (fam: RefDraw[]) => {
    const xs = fam.map((d) => d.sil[i]!);
    return (s - mean(xs)) / Math.max(sd(xs), 1e-3);
  };
  const v = Math.min(zz(f.gaussian), zz(f.uniform));
  return v >= z.clear ? 'clear' : v >= z.weak ? 'weak' : 'none';
}

export function structureRates(files: CachedFile[], rule: Rule, z?: { clear: number; weak: number }): string {
  const rate = (fs: CachedFile[], ok: (v: string) => boolean) =>
    `${Math.round((100 * fs.filter((f) => ok(structureAt(f, rule(f), z))).length) / fs.length)} %`;
  const nul = files.filter((f) => f.spec.k < 2);
  const cl = files.filter((f) => f.spec.k >= 2);
  return `null ${nul.length}: clear ${rate(nul, (v) => v === 'clear')}, clear/weak ${rate(nul, (v) => v !== 'none')} | clustered ${cl.length}: clear ${rate(cl, (v) => v === 'clear')}, clear/weak ${rate(cl, (v) => v !== 'none')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.slice(2).filter((a) => a.endsWith('.jsonl'));
  const files = loadCache(paths);
  for (const l of table(files, RULES)) console.log(l);
  for (const n of ['current', 'silMax'])
    console.log(`structure at ${n}: ${structureRates(files, RULES[n]!)}`);
}
