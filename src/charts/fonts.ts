/**
 * Fonts come from the project's own install, never from the machine: sharp
 * draws SVG text with librsvg + fontconfig, and a fresh server may have no
 * fonts at all (every letter becomes a box). We point fontconfig at the
 * DejaVu files shipped in the `dejavu-fonts-ttf` npm package, and at nothing
 * else, so every machine renders the same pixels. An @font-face in the SVG is
 * ignored by librsvg, hence this detour through FONTCONFIG_FILE.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Absolute path of the bundled DejaVu TrueType files. */
export const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
} as const;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The fontconfig file: only our font directory, a private cache, and generic names mapped to DejaVu Sans. */
export function fontconfigXml(fontDir: string, cacheDir: string): string {
  const alias = (family: string) =>
    `  <alias><family>${family}</family><prefer><family>DejaVu Sans</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${escapeXml(fontDir)}</dir>`,
    `  <cachedir>${escapeXml(cacheDir)}</cachedir>`,
    alias('sans-serif'),
    alias('serif'),
    alias('monospace'),
    '</fontconfig>',
    '',
  ].join('\n');
}

let configured: string | undefined;

/**
 * Writes the fontconfig file (absolute paths, so it is generated per checkout
 * into the temp directory) and sets FONTCONFIG_FILE. Must run before sharp
 * first draws text; render.ts calls it before importing sharp. Idempotent.
 */
export function useBundledFonts(): string {
  if (configured) return configured;
  const key = createHash('sha256').update(FONT_DIR).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `segment-bot-fonts-${key}`);
  const file = join(dir, 'fonts.conf');
  const xml = fontconfigXml(FONT_DIR, join(dir, 'cache'));
  mkdirSync(dir, { recursive: true });
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // first run on this machine: written below
  }
  if (current !== xml) {
    // write-then-rename so parallel test workers never read half a file
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, xml);
    renameSync(partial, file);
  }
  process.env.FONTCONFIG_FILE = file;
  configured = file;
  return file;
}
