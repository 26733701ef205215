/**
 * Run by fonts.e2e.test.ts in a child process whose fontconfig sees no system
 * fonts. Usage: tsx font-child.ts <svg file> <png out> <bundled|raw>.
 * bundled: the project's renderer (which points fontconfig at node_modules);
 * raw: plain sharp, the negative control that shows the fonts really are hidden.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [svgFile, out, mode] = process.argv.slice(2) as [string, string, string];
const svg = readFileSync(svgFile, 'utf8');
if (mode === 'bundled') {
  const { svgToPng } = await import('../../src/charts/render.ts');
  writeFileSync(out, (await svgToPng(svg)).png);
} else {
  const sharp = (await import('sharp')).default;
  const png = await sharp(Buffer.from(svg), { limitInputPixels: false })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer();
  writeFileSync(out, png);
}
