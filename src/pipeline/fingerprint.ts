/**
 * A fingerprint of the analysis code (src/core), part of every persisted
 * analysis key: after a deploy that changes how segments are computed, stored
 * analyses stop matching and are recomputed instead of served stale. The
 * sources (TypeScript under tsx, or the JavaScript compiled into dist/) sit
 * next to this file, so they are there to hash.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE_DIR = fileURLToPath(new URL('../core/', import.meta.url));

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
