import { describe, expect, it } from 'vitest';
import { TABLE, textWidth } from '../../src/charts/data/text-width.ts';
import { FONT_FILES } from '../../src/charts/fonts.ts';
import { loadFontMetrics } from './ttf.ts';

describe('the DejaVu advance-width table', () => {
  it.each([
    ['regular', FONT_FILES.regular, TABLE.regular],
    ['bold', FONT_FILES.bold, TABLE.bold],
  ] as const)('matches the %s font shipped in node_modules, character for character', (_, file, widths) => {
    const font = loadFontMetrics(file);
    expect(font.unitsPerEm).toBe(2048);
    const chars = [...TABLE.chars];
    expect(widths.length).toBe(chars.length);
    chars.forEach((c, i) => {
      expect(widths[i], c).toBe(font.advance.get(c.codePointAt(0)!));
    });
  });

  it('measures text the way the font does', () => {
    const font = loadFontMetrics(FONT_FILES.regular);
    const text = 'Spending score (1–100)';
    const units = [...text].reduce((s, c) => s + font.advance.get(c.codePointAt(0)!)!, 0);
    expect(textWidth(text, 12)).toBeCloseTo((units / 2048) * 12, 9);
  });
});
