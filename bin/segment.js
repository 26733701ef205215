#!/usr/bin/env node
// The installed `segment` command: plain node on the JavaScript that
// `npm ci` / `npm install` compiled into dist/ (the `prepare` script). A
// checkout without that build (or with sources edited since) runs the
// TypeScript through tsx instead, so it never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/main.js`;
// Rewritten by every build that emits anything (tsc --incremental).
const stamp = `${root}dist/.tsbuildinfo`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(built) && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(`${root}src`);
if (fresh) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
