/** `segment --help` states the reader's real defaults, not numbers of its own. */
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/result.ts';
import { formatBytes, formatCount } from '../../src/words.ts';

describe('segment --help', () => {
  it('gives the default size, row and valid-share limits the reader applies', () => {
    const line = HELP.split('\n').find((l) => l.includes('--max-bytes'))!;
    expect(line).toContain(
      `(default ${formatBytes(DEFAULT_LIMITS.maxBytes)}, ${formatCount(DEFAULT_LIMITS.maxRows)} rows)`,
    );
    expect(line).toContain('512 MB, 10,000,000 rows');
    expect(HELP).toContain(`--min-valid ${DEFAULT_LIMITS.minValidShare} `);
  });
});
