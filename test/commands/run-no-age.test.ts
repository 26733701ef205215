/** run() on a channel whose data has no Age column: the summary leaves age out, clustering on age is refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/run.ts';
import { MemoryChannel, SAMPLE_PATH, sampleContext, uploaded } from './support.ts';

const [, ...rows] = readFileSync(SAMPLE_PATH, 'utf8').trim().split('\n');
const NO_AGE = `CustomerID,Gender,Annual Income (k$),Spending Score (1-100)\n${rows
  .map((r) => {
    const [id, gender, , income, spending] = r.split(',');
    return [id, gender, income, spending].join(',');
  })
  .join('\n')}\n`;

const channel = () =>
  new MemoryChannel({
    dataset: uploaded(901, 'crm-export.csv', NO_AGE, rows.length),
    settings: { k: null, features: ['income', 'spending'], scaling: null },
  });

const text = (reply: Awaited<ReturnType<typeof run>>) =>
  [reply.title, reply.text, ...reply.sections.map((s) => s.body), ...reply.warnings].join('\n');

describe('a channel whose file has no Age column', () => {
  it('answers the summary on income × spending with a note, no mean age and no NaN', async () => {
    const reply = await run({ kind: 'summary' }, sampleContext(channel()));
    expect(reply.isError).toBe(false);
    expect(text(reply)).toContain('No Age column: age is left out of the profiles.');
    expect(reply.table!.columns).not.toContain('Mean age');
    expect(JSON.stringify(reply.table)).not.toMatch(/NaN|–/);
    expect(reply.table!.rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(rows.length);
  });

  it('refuses /segment features age income spending and keeps the saved features', async () => {
    const memory = channel();
    const reply = await run(
      { kind: 'features', features: ['age', 'income', 'spending'] },
      sampleContext(memory),
    );
    expect(reply.isError).toBe(true);
    expect(text(reply)).toContain('this file has no Age column');
    expect(memory.view().settings.features).toEqual(['income', 'spending']);
  });
});

describe('predict on a file without an Age column', () => {
  it('places the customer on income and spending, saying the age is not used', async () => {
    const reply = await run(
      { kind: 'predict', customer: { age: 25, income: 60, spending: 75 } },
      sampleContext(channel()),
    );
    expect(reply.isError).toBe(false);
    expect(text(reply)).toContain('This file has no Age column: the age given is not used.');
  });
});
