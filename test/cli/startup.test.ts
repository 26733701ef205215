/**
 * Start-up is part of the CLI's speed (issue 12: a 200-row file is mostly
 * start-up). vega, vega-lite and sharp take about a second to load and
 * read-excel-file more, so the modules a command loads before it runs must not
 * import them; charts/ and the xlsx reader are imported where they are used.
 * Walks the static imports (dynamic `import()` and `import type` are not
 * followed), so a new eager import anywhere on the path fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const HEAVY = ['vega', 'vega-lite', 'sharp', 'read-excel-file'];
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)].map((m) => m[1]!);
}

/** Every package a module loads eagerly, with the chain of files that leads to it. */
function eagerPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target)) visit(target, [...chain, target.slice(SRC.length)]);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, chain);
      }
    }
  };
  visit(join(SRC, entry), [entry]);
  return packages;
}

describe('the CLI starts without loading the chart or workbook libraries', () => {
  it('finds the packages it does load (the walk works)', () => {
    expect([...eagerPackages('cli/main.ts').keys()]).toContain('zod');
  });

  it.each(HEAVY)('cli/main.ts does not import %s before a command asks for it', (name) => {
    expect(eagerPackages('cli/main.ts').get(name)).toBeUndefined();
  });
});
