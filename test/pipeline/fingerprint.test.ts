import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chartFingerprint,
  chartSourceFiles,
  coreFingerprint,
  packageVersion,
} from '../../src/pipeline/fingerprint.ts';

describe('fingerprints', () => {
  it('are 12 hex digits, the same on every call, and the chart one differs from the analysis one', () => {
    expect(coreFingerprint()).toMatch(/^[0-9a-f]{12}$/);
    expect(chartFingerprint()).toMatch(/^[0-9a-f]{12}$/);
    expect(chartFingerprint()).toBe(chartFingerprint());
    expect(chartFingerprint()).not.toBe(coreFingerprint());
  });

  it.each(['vega', 'vega-lite', 'sharp', 'dejavu-fonts-ttf'])('reads the installed version of %s', (name) => {
    expect(packageVersion(name)).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the chart fingerprint', () => {
  it('covers every module outside core that src/charts imports, so a change there redraws stored charts', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const covered = new Set(chartSourceFiles());
    const charts = readdirSync(join(src, 'charts'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name));
    const outside: string[] = [];
    for (const file of charts)
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = resolve(dirname(file), spec!);
        if (!target.startsWith(join(src, 'core'))) outside.push(target);
      }
    // The breakdown chart takes its level words from phrases/: it must be among them.
    expect(outside.some((t) => t.includes(`${sep}phrases${sep}`))).toBe(true);
    for (const target of outside) expect(covered.has(target), target).toBe(true);
  });
});
