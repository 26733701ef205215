import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { Lru } from '../../src/worker/lru.ts';
import { countLines, reportStep, withProgress } from '../../src/worker/progress.ts';
import { deserializeError, serializeError } from '../../src/worker/protocol.ts';

describe('upload progress', () => {
  it('counts lines with or without a final line break', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(countLines(bytes(''))).toBe(0);
    expect(countLines(bytes('a'))).toBe(1);
    expect(countLines(bytes('a\nb\n'))).toBe(2);
    expect(countLines(bytes('a\nb'))).toBe(2);
  });

  it('reports in round steps of about a quarter of the file', () => {
    expect(reportStep(1_000_000)).toBe(250_000);
    expect(reportStep(300_000)).toBe(100_000);
    expect(reportStep(120_000)).toBe(50_000);
  });

  it('says how many rows were read of the estimated total, only for large files', async () => {
    const rows = '1234,Female,35,60,70.5\n'.repeat(400_000);
    const lines: string[] = [];
    let bytes = 0;
    for await (const slice of withProgress(new TextEncoder().encode(`h\n${rows}`), 'big.csv', (l) =>
      lines.push(l),
    )) {
      bytes += slice.length;
    }
    expect(bytes).toBe(2 + rows.length);
    expect(lines).toEqual([
      'Reading big.csv: ~400,000 rows…',
      'Read 100,000 of ~400,000 rows…',
      'Read 200,000 of ~400,000 rows…',
      'Read 300,000 of ~400,000 rows…',
    ]);
    const quiet: string[] = [];
    for await (const _ of withProgress(new TextEncoder().encode('h\n1\n2\n'), 'small.csv', (l) =>
      quiet.push(l),
    )) {
      // drain
    }
    expect(quiet).toEqual([]);
  });
});

describe('worker messages', () => {
  it('rebuilds an InputError with its code, place and details', () => {
    const original = new InputError('missing_column', 'no Age column', { file: 'a.csv', line: 1 }, [
      'found: Id, Sex',
    ]);
    const rebuilt = deserializeError(structuredClone(serializeError(original)));
    expect(rebuilt).toBeInstanceOf(InputError);
    expect(rebuilt).toMatchObject({
      code: 'missing_column',
      message: 'no Age column',
      where: { file: 'a.csv', line: 1 },
    });
    expect((rebuilt as InputError).details).toEqual(['found: Id, Sex']);
  });

  it('keeps a bug a plain Error, with the worker stack', () => {
    const rebuilt = deserializeError(structuredClone(serializeError(new TypeError('x is undefined'))));
    expect(rebuilt).not.toBeInstanceOf(InputError);
    expect(rebuilt.message).toBe('analysis worker: x is undefined');
    expect(rebuilt.stack).toContain('--- in the worker ---');
  });
});

describe('LRU cache', () => {
  it('drops the least recently used entry', () => {
    const cache = new Lru<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
