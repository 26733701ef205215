/**
 * A fingerprint of the analysis code (src/core), part of every persisted
 * analysis key: after a deploy that changes how segments are computed, stored
 * analyses stop matching and are recomputed instead of served stale. The
 * sources (TypeScript under tsx, or the JavaScript compiled into dist/) sit
 * next to this file, so they are there to hash. Stored chart images have their
 * own fingerprint: the chart code, the words it draws (words.ts and
 * phrases/) and the renderer's packages, on top of the analysis's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE_DIR = fileURLToPath(new URL('../core/', import.meta.url));
const CHARTS_DIR = fileURLToPath(new URL('../charts/', import.meta.url));
const WORDS_DIR = fileURLToPath(new URL('../', import.meta.url));
const PHRASES_DIR = fileURLToPath(new URL('../phrases/', import.meta.url));
/** What draws a chart besides our code: a new version may draw other pixels. */
const RENDER_PACKAGES = ['vega', 'vega-lite', 'sharp', 'dejavu-fonts-ttf'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|js)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

let memo: string | undefined;

/** 12 hex digits of the SHA-256 over every core source file, names included. */
export function coreFingerprint(dir = CORE_DIR): string {
  if (dir === CORE_DIR && memo) return memo;
  const hash = createHash('sha256');
  for (const file of sourceFiles(dir))
    hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file));
  const fingerprint = hash.digest('hex').slice(0, 12);
  if (dir === CORE_DIR) memo = fingerprint;
  return fingerprint;
}

/** A package's version, from the package.json above its entry point (vega's exports hide the file itself). */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    dir = dirname(require.resolve(name));
  }
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? 'unknown';
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

let chartMemo: string | undefined;

/**
 * Every file besides core's that a chart's pixels depend on: src/charts, src/words.ts and
 * src/phrases (the breakdown chart's level words come from phrases/columns.ts; without it, a
 * wording change there left stored PNGs stale).
 */
export function chartSourceFiles(): string[] {
  const words = readdirSync(WORDS_DIR)
    .filter((name) => /^words\.(ts|js)$/.test(name))
    .map((name) => join(WORDS_DIR, name));
  return [...sourceFiles(CHARTS_DIR), ...words, ...sourceFiles(PHRASES_DIR)];
}

/** 12 hex digits over the analysis fingerprint, chartSourceFiles() and the renderer packages' versions. */
export function chartFingerprint(): string {
  if (chartMemo) return chartMemo;
  const hash = createHash('sha256').update(coreFingerprint()).update('\0');
  for (const file of chartSourceFiles())
    hash.update(file.slice(WORDS_DIR.length)).update('\0').update(readFileSync(file));
  for (const name of RENDER_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  chartMemo = hash.digest('hex').slice(0, 12);
  return chartMemo;
}
