/**
 * Issue #8 part 5: no typed number crashes the command grammar or predict. A
 * command with an extreme value (1e308, -0, 5e-324, 9999999999, "Infinity",
 * 400 digits) is either a valid customer or a typed InputError naming the
 * field; a valid customer always gets a finite answer, worded without NaN.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.ts';
import { predictReply } from '../../src/commands/handlers/predict.ts';
import { analyze } from '../../src/core/analyze.ts';
import { InputError } from '../../src/core/errors.ts';
import { FEATURE_CATALOGUE, withinBounds } from '../../src/core/features.ts';
import { predict } from '../../src/core/model.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import { FEATURES, type CatalogueFeature as Feature } from '../../src/core/types.ts';
import { runCli } from '../support/cli.ts';
import { EXTREME_TEXTS, extremeCells, wholeIn } from '../support/extremes.ts';

const model = analyze(generateCustomers(300, 5), { seed: 3 }).model;

/** Three or four positional values, or named ones, from the extremes mixed with ordinary values. */
function fuzzCommands(seed: number, count: number): string[] {
  const cell = extremeCells(seed);
  const whole = wholeIn(seed + 1);
  return Array.from({ length: count }, (_, i) => {
    const age = cell(() => String(whole(18, 70)));
    const income = cell(() => String(whole(15, 140)));
    const spending = cell(() => String(whole(1, 100)));
    if (i % 3 === 0) return `predict ${age} ${income} ${spending}`;
    if (i % 3 === 1) return `predict ${age} F ${income} ${spending}`;
    return `predict spending=${spending} age=${age} income=${income}`;
  });
}

/** `typed`: the customer came from the grammar, so the reply words it as the handler would. */
function expectFinitePrediction(customer: Record<Feature, number>, typed: boolean) {
  const p = predict(model, customer);
  expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity|null/);
  for (const d of p.distances) expect(Number.isFinite(d.distance)).toBe(true);
  expect(Number.isFinite(p.margin)).toBe(true);
  expect(typeof p.tentative).toBe('boolean');
  if (!typed) return;
  const words = JSON.stringify(predictReply(customer, p, [], { withAge: true }));
  expect(words).not.toMatch(/NaN|Infinity|undefined|-0\.0\b/);
}

describe('extreme values typed in a command', () => {
  it('parses every predict command into a plausible customer or a typed error naming the field', () => {
    let valid = 0;
    let refused = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const text of fuzzCommands(seed, 12)) {
        const parsed = parseCommand(text);
        if (!parsed.ok) {
          expect(parsed.error, text).toBeInstanceOf(InputError);
          expect(parsed.error.code, text).toBe('invalid_customer');
          expect(parsed.error.message, text).toMatch(
            /(age|income|spending) must be|not one of|predict needs/,
          );
          refused++;
          continue;
        }
        if (parsed.command.kind !== 'predict') throw new Error(`${text} parsed as ${parsed.command.kind}`);
        const { customer } = parsed.command;
        for (const f of FEATURES)
          expect(withinBounds(FEATURE_CATALOGUE[f].bounds, customer[f]), text).toBe(true);
        expectFinitePrediction(customer, true);
        valid++;
      }
    }
    // The generator reaches both answers often.
    expect(valid).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses /segment predict 1e308 F 1e160 50 with the rule for each value', () => {
    const parsed = parseCommand('predict 1e308 F 1e160 50');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toBe(
      'age must be a whole number from 0 to 120 (got "1e308"); income must be a number of k$ from 0 to 10,000 (got "1e160")',
    );
  });

  it('cuts a very long typed value in the message', () => {
    const parsed = parseCommand(`predict 30 F ${'9'.repeat(400)} 50`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message.length).toBeLessThan(120);
  });

  it('gives predict() every extreme number directly: a finite answer or a typed error', () => {
    const numbers = [...EXTREME_TEXTS.map(Number), Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e-300];
    for (const x of numbers) {
      for (const feature of FEATURES) {
        const customer = { age: 30, income: 60, spending: 50, [feature]: x };
        if (FEATURES.every((f) => withinBounds(FEATURE_CATALOGUE[f].bounds, customer[f])))
          expectFinitePrediction(customer, false);
        else expect(() => predict(model, customer), `${feature} = ${x}`).toThrow(InputError);
      }
    }
  });

  it('answers k with an extreme value by a typed error, never a crash', () => {
    for (const text of EXTREME_TEXTS) {
      const parsed = parseCommand(`k ${text}`);
      if (!parsed.ok) expect(parsed.error).toBeInstanceOf(InputError);
      else if (parsed.command.kind === 'k' && 'k' in parsed.command)
        expect(Number.isInteger(parsed.command.k)).toBe(true);
    }
  });

  it('answers the CLI with exit 2 and the message, or a valid JSON answer without NaN', async () => {
    const refused = await runCli('predict', '1e308', 'F', '1e160', '50');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/age must be a whole number from 0 to 120 \(got "1e308"\)/);
    const edge = await runCli('predict', '120', 'F', '10000', '100', '--json');
    expect(edge.code).toBe(0);
    expect(edge.stdout).not.toMatch(/NaN|Infinity|null/);
    expect(JSON.parse(edge.stdout)).toMatchObject({ tentative: true });
  });
});
