/**
 * Plain-Node lower bounds for each analysis phase, measured on the same file
 * in a fresh process (issue 12): the least work each phase could do with
 * typed arrays and no validation, written as simply as possible.
 *
 *   parse  read the file, byte-scan the three numeric columns into Float64Arrays
 *   EDA    one pass of moments per column + counting quartiles + a numeric duplicate-id check
 *   sweep  k = 2..10 × 10 restarts on the sweep sample: k-means++ start + 15 Lloyd
 *          iterations each, and a silhouette per k on the silhouette sample
 *   fit    10 Lloyd iterations on every row + one silhouette on the silhouette sample
 *
 * Usage: tsx bounds-once.ts <file.csv> <sweep sample> <silhouette sample>; prints one JSON line.
 */
import { readFileSync } from 'node:fs';

const [file, sweepArg, silArg] = process.argv.slice(2);
const SWEEP = Number(sweepArg ?? 10_000);
const SIL = Number(silArg ?? 3_000);

function parse(path: string) {
  const bytes = readFileSync(path);
  let i = bytes.indexOf(10) + 1;
  const cap = Math.ceil(bytes.length / 16);
  const id = new Float64Array(cap);
  const age = new Float64Array(cap);
  const income = new Float64Array(cap);
  const spending = new Float64Array(cap);
  const gender = new Uint8Array(cap);
  const cols = [id, null, age, income, spending] as const;
  let n = 0;
  while (i < bytes.length) {
    for (let c = 0; c < 5; c++) {
      let v = 0;
      const first = bytes[i]!;
      while (i < bytes.length && bytes[i] !== 44 && bytes[i] !== 10) v = v * 10 + bytes[i++]! - 48;
      i++;
      const col = cols[c];
      if (col) col[n] = v;
      else gender[n] = first === 70 ? 1 : 2;
    }
    n++;
  }
  return { n, id, age, income, spending, gender };
}

function eda(t: ReturnType<typeof parse>) {
  const out: number[] = [];
  for (const col of [t.age, t.income, t.spending]) {
    let s = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    const counts = new Uint32Array(256);
    for (let i = 0; i < t.n; i++) {
      const v = col[i]!;
      s += v;
      s2 += v * v;
      s3 += v * v * v;
      s4 += v * v * v * v;
      counts[v & 255]!++;
    }
    let acc = 0;
    let q = 0;
    for (let v = 0; v < 256 && acc < t.n / 2; v++) {
      acc += counts[v]!;
      q = v;
    }
    out.push(s, s2, s3, s4, q);
  }
  const seen = new Uint8Array(t.n + 2);
  let dup = 0;
  for (let i = 0; i < t.n; i++) {
    const v = t.id[i]!;
    if (v < seen.length) {
      if (seen[v]) dup++;
      seen[v] = 1;
    }
  }
  return out.length + dup;
}

function lloydIter(x: Float64Array, n: number, c: Float64Array, k: number, labels: Int32Array) {
  for (let i = 0; i < n; i++) {
    const a = x[2 * i]!;
    const b = x[2 * i + 1]!;
    let best = 0;
    let bd = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      const da = a - c[2 * j]!;
      const db = b - c[2 * j + 1]!;
      const d = da * da + db * db;
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    labels[i] = best;
  }
  const sums = new Float64Array(3 * k);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    sums[3 * l]! += x[2 * i]!;
    sums[3 * l + 1]! += x[2 * i + 1]!;
    sums[3 * l + 2]!++;
  }
  for (let j = 0; j < k; j++) {
    const m = sums[3 * j + 2]! || 1;
    c[2 * j] = sums[3 * j]! / m;
    c[2 * j + 1] = sums[3 * j + 1]! / m;
  }
}

function kmeansPlusPlus(x: Float64Array, n: number, k: number, c: Float64Array) {
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pick = 0;
  for (let j = 0; j < k; j++) {
    c[2 * j] = x[2 * pick]!;
    c[2 * j + 1] = x[2 * pick + 1]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const da = x[2 * i]! - c[2 * j]!;
      const db = x[2 * i + 1]! - c[2 * j + 1]!;
      dist[i] = Math.min(dist[i]!, da * da + db * db);
      total += dist[i]!;
    }
    let r = total * ((j * 0.618 + 0.31) % 1);
    pick = 0;
    while (pick < n - 1) {
      r -= dist[pick]!;
      if (r <= 0) break;
      pick++;
    }
  }
}

function silhouette(x: Float64Array, n: number, labels: Int32Array, k: number) {
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let m = 0; m < n; m++) {
      const da = x[2 * i]! - x[2 * m]!;
      const db = x[2 * i + 1]! - x[2 * m + 1]!;
      sums[labels[m]!]! += Math.sqrt(da * da + db * db);
    }
    total += sums[0]!;
  }
  return total;
}

function matrix(t: ReturnType<typeof parse>, n: number) {
  const x = new Float64Array(2 * n);
  const step = t.n / n;
  for (let r = 0; r < n; r++) {
    const i = Math.floor(r * step);
    x[2 * r] = t.income[i]!;
    x[2 * r + 1] = t.spending[i]!;
  }
  return x;
}

const t0 = performance.now();
const table = parse(file!);
const t1 = performance.now();
eda(table);
const t2 = performance.now();
const sweepN = Math.min(table.n, SWEEP);
const silN = Math.min(table.n, SIL);
const sample = matrix(table, sweepN);
const labels = new Int32Array(table.n);
const c = new Float64Array(20);
for (let k = 2; k <= 10; k++) {
  for (let r = 0; r < 10; r++) {
    kmeansPlusPlus(sample, sweepN, k, c);
    for (let it = 0; it < 15; it++) lloydIter(sample, sweepN, c, k, labels);
  }
  silhouette(sample, silN, labels, k);
}
const t3 = performance.now();
const all = matrix(table, table.n);
for (let it = 0; it < 10; it++) lloydIter(all, table.n, c, 5, labels);
silhouette(all, silN, labels, 5);
const t4 = performance.now();
process.stdout.write(
  `${JSON.stringify({ rows: table.n, parseMs: t1 - t0, edaMs: t2 - t1, sweepMs: t3 - t2, fitMs: t4 - t3 })}\n`,
);
