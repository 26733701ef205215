import { describe, expect, it } from 'vitest';
import { chartFingerprint, coreFingerprint, packageVersion } from '../../src/pipeline/fingerprint.ts';

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
