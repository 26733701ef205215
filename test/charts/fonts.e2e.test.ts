import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_BUILDERS } from '../../src/charts/index.ts';
import { renderSvg, svgToPng } from '../../src/charts/render.ts';
import { fixtureInput } from './support.ts';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, '../../node_modules/.bin/tsx');

/** Render in a child whose fontconfig knows no fonts at all and whose HOME is empty: a fresh machine. */
function renderInBareChild(dir: string, svgFile: string, mode: 'bundled' | 'raw'): Buffer {
  const empty = join(dir, 'empty.conf');
  writeFileSync(
    empty,
    `<?xml version="1.0"?><fontconfig><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  const out = join(dir, `${mode}.png`);
  const run = spawnSync(tsx, [join(here, 'font-child.ts'), svgFile, out, mode], {
    env: {
      PATH: dirname(process.execPath),
      HOME: dir,
      FONTCONFIG_FILE: empty,
      FONTCONFIG_PATH: dir,
      TMPDIR: dir,
    },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out);
}

describe('fonts come from the project, not the machine', () => {
  let dir: string;
  let svgFile: string;
  let here: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-bot-fonts-test-'));
    const { svg } = await renderSvg(CHART_BUILDERS['gender-split'](fixtureInput()));
    svgFile = join(dir, 'chart.svg');
    writeFileSync(svgFile, svg);
    here = (await svgToPng(svg)).png;
  });

  it('renders text identically on a machine with no fonts installed', () => {
    expect(renderInBareChild(dir, svgFile, 'bundled').equals(here)).toBe(true);
  });

  it('would draw boxes there without the bundled fonts (so the test above means something)', () => {
    const raw = renderInBareChild(dir, svgFile, 'raw');
    expect(raw.equals(here)).toBe(false);
  });
});
