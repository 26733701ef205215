/**
 * Customer files as marketing teams really share them, through the CLI: other
 * text encodings (and, in later steps, Excel, optional columns and extras).
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../support/cli.ts';
import { withExtraColumns } from '../support/extra-columns.ts';
import { HAS_MALL, MALL_PATH, mallText, NO_MALL, REFERENCE, SAMPLE_PATH } from '../support/mall.ts';
import { buildXlsx, csvToCells } from '../support/xlsx.ts';

interface Report {
  k: number;
  inertia: number;
  segments: Array<{ size: number }>;
}

async function analyzeJson(path: string): Promise<Report> {
  const run = await runCli('analyze', path, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const figures = (r: Report) => ({ k: r.k, inertia: r.inertia, sizes: r.segments.map((s) => s.size) });

const sample = readFileSync(SAMPLE_PATH, 'utf8');
const [, ...rows] = sample.trim().split('\n');
const FRENCH_HEADER = 'ID client;Sexe;Âge;Revenu annuel (k€);Score de dépenses (1-100)';
const french = `${FRENCH_HEADER}\r\n${rows.map((r) => r.replaceAll(',', ';')).join('\r\n')}\r\n`;

describe('segment analyze on files in other text encodings', () => {
  it('reads a French Latin-1 (Windows-1252) export, names the encoding, and finds the same segments', async () => {
    const path = tempFile(Buffer.from(french.replace('€', '\u0080'), 'latin1'), 'clients-fr.csv');
    expect(figures(await analyzeJson(path))).toEqual(figures(await analyzeJson(SAMPLE_PATH)));
    const run = await runCli('analyze', path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read as Windows-1252 (Latin-1) text.');
  });

  it('reads a UTF-16 file (Excel "Unicode text") and names the encoding', async () => {
    const tabbed = sample.replaceAll(',', '\t');
    const path = tempFile(Buffer.from(`\uFEFF${tabbed}`, 'utf16le'), 'unicode.txt.csv');
    expect(figures(await analyzeJson(path))).toEqual(figures(await analyzeJson(SAMPLE_PATH)));
    const run = await runCli('analyze', path);
    expect(run.stdout).toContain('Read as UTF-16 (little-endian) text.');
  });

  it('says nothing about the encoding of a UTF-8 file', async () => {
    const run = await runCli('analyze', SAMPLE_PATH);
    expect(run.stdout).not.toContain('Read as');
  });
});

describe('segment analyze on Excel workbooks', () => {
  it('finds the same k, inertia and sizes in an .xlsx of the sample as in its CSV, and names the sheet', async () => {
    const path = tempFile(buildXlsx([{ name: 'Customers', rows: csvToCells(sample) }]), 'customers.xlsx');
    expect(figures(await analyzeJson(path))).toEqual(figures(await analyzeJson(SAMPLE_PATH)));
    const run = await runCli('analyze', path);
    expect(run.stdout).toContain('Read the sheet "Customers" of the workbook.');
  });

  it.skipIf(!HAS_MALL)(
    `gives the Mall reference figures from an .xlsx of the Mall rows ${HAS_MALL ? '' : NO_MALL}`,
    async () => {
      // Built here from the real file, never committed.
      const path = tempFile(
        buildXlsx([{ name: 'Mall_Customers', rows: csvToCells(mallText()) }]),
        'mall.xlsx',
      );
      const xlsx = figures(await analyzeJson(path));
      expect(xlsx).toEqual(figures(await analyzeJson(MALL_PATH)));
      expect(xlsx.k).toBe(5);
      expect(xlsx.sizes).toEqual(REFERENCE.incomeSpending.sizes);
    },
  );

  it('refuses a password-protected workbook with its own message and exit code 2', async () => {
    const bytes = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    const run = await runCli('analyze', tempFile(bytes, 'locked.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/locked\.xlsx: this workbook is protected with a password/);
  });
});

describe('segment analyze on data files it cannot read', () => {
  it.each([
    [
      'an .ods spreadsheet',
      'plan.ods',
      zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] }),
      /plan\.ods: this is an OpenDocument spreadsheet \(\.ods\); save it as \.xlsx or as CSV UTF-8/,
    ],
    [
      'a JSON export',
      'crm.json',
      strToU8('[{"id": 1}]'),
      /crm\.json: this is JSON, not a table; export the customer table or the order lines as CSV/,
    ],
  ])('refuses %s with exit code 2, naming what to use instead', async (_, name, bytes, message) => {
    const run = await runCli('analyze', tempFile(bytes, name));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('files without the optional Gender and CustomerID columns', () => {
  // The sample without its CustomerID and Gender columns.
  const bare = `Age,Annual Income (k$),Spending Score (1-100)\n${rows.map((r) => r.split(',').slice(2).join(',')).join('\n')}\n`;

  it('segments a file without Gender or CustomerID, saying so, with the same figures', async () => {
    const path = tempFile(bare, 'bare.csv');
    expect(figures(await analyzeJson(path))).toEqual(figures(await analyzeJson(SAMPLE_PATH)));
    const run = await runCli('analyze', path);
    expect(run.stdout).toContain('No Gender column: the gender charts and columns are left out.');
    expect(run.stdout).toContain('No CustomerID column: customers are numbered by row (1, 2, 3, …).');
    expect(run.stdout).not.toContain('Female / Male');
  });

  it('predicts from age, income and spending alone: predict 25 60 75', async () => {
    const run = await runCli('predict', '25', '60', '75', '--data', tempFile(bare, 'bare-predict.csv'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /A 25-year-old customer with an income of 60\.0 k\$ and a spending score of 75\.0 belongs to segment \d+/,
    );
  });
});

describe('a CRM export without an Age column', () => {
  // The sample without its Age column: CustomerID, Gender, income, spending.
  const noAge = `CustomerID,Gender,Annual Income (k$),Spending Score (1-100)\n${rows
    .map((r) => {
      const [id, gender, , income, spending] = r.split(',');
      return [id, gender, income, spending].join(',');
    })
    .join('\n')}\n`;

  it('segments on income × spending with the same figures, with a note and no age anywhere', async () => {
    const path = tempFile(noAge, 'no-age.csv');
    const report = (await analyzeJson(path)) as Report & {
      segments: Array<Record<string, unknown>>;
      eda: { describe: Array<{ feature: string }> };
    };
    expect(figures(report)).toEqual(figures(await analyzeJson(SAMPLE_PATH)));
    expect(report.segments.every((s) => !('meanAge' in s))).toBe(true);
    expect(report.eda.describe.map((d) => d.feature)).toEqual(['income', 'spending']);
    const run = await runCli('analyze', path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No Age column: age is left out of the profiles.');
    expect(run.stdout).not.toContain('Mean age');
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it('refuses --features age,income with a message naming the missing column', async () => {
    const run = await runCli('analyze', tempFile(noAge, 'no-age-features.csv'), '--features', 'age,income');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'this file has no Age column; segments can use annual income and spending score',
    );
  });
});

describe('segment analyze on a file with extra columns', () => {
  const crm = () => tempFile(withExtraColumns(sample), 'crm-export.csv');

  it('adds breakdowns, candidate features and ignored columns to --json, and changes nothing else', async () => {
    const run = await runCli('analyze', crm(), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const plain = JSON.parse((await runCli('analyze', SAMPLE_PATH, '--json')).stdout);
    // Every field the JSON had keeps its place; the new ones come last.
    expect(Object.keys(report)).toEqual([...Object.keys(plain)]);
    expect(Object.keys(report).slice(-3)).toEqual(['breakdowns', 'candidateFeatures', 'ignoredColumns']);
    expect(report.segments).toEqual(plain.segments);
    expect(report.breakdowns.map((b: { column: string }) => b.column)).toEqual(['Region', 'LoyaltyTier']);
    const tier = report.breakdowns[1];
    expect(tier.levels.map((l: { value: string }) => l.value)).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(tier.levels[2].share).toBeCloseTo(0.14, 2);
    expect(tier.bySegment).toHaveLength(report.k);
    for (const s of tier.bySegment) {
      expect(Object.keys(s.shares)).toEqual(['Bronze', 'Silver', 'Gold']);
      expect(Object.values(s.shares as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(report.candidateFeatures).toEqual([
      { name: 'visits', title: 'Visits', unit: '', min: 1, max: 50 },
      { name: 'tenure', title: 'Tenure', unit: 'months', min: 1, max: 120 },
    ]);
    expect(
      report.ignoredColumns.map((c: { column: string; reason: string }) => [c.column, c.reason]),
    ).toEqual([
      ['Email', 'id'],
      ['Notes', 'mostly_empty'],
      ['Store', 'too_many_levels'],
    ]);
  });

  it('prints the breakdowns, where segments differ, and what was ignored in the summary', async () => {
    const run = await runCli('analyze', crm());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('BREAKDOWNS');
    expect(run.stdout).toMatch(
      /Segment \d \(High income · High spending\) is 70% Gold loyalty tier \(all customers: 14%\)\./,
    );
    expect(run.stdout).toMatch(/LoyaltyTier +Bronze +Silver +Gold/);
    expect(run.stdout).toMatch(/All customers +55% +32% +14%/);
    expect(run.stdout).toContain(
      'Breakdowns (they describe the segments, not form them): Region and LoyaltyTier.',
    );
    expect(run.stdout).toContain('Store (too many levels: over 30)');
    expect(run.stdout).not.toContain('Ignored columns: Region');
    expect(run.stdout).toContain('Also in your file: visits (1–50), tenure (1–120 months)');
  });

  it('answers /segment summary --data the same way as Slack', async () => {
    const run = await runCli('summary', '--data', crm());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is 70% Gold loyalty tier \(all customers: 14%\)/);
    expect(run.stdout).toContain('All customers: Bronze 55%, Silver 32%, Gold 14%');
  });

  it('clusters on --features income,spending,visits and predicts with visits=', async () => {
    const path = crm();
    const report = JSON.parse(
      (await runCli('analyze', path, '--features', 'income,spending,visits', '--json')).stdout,
    );
    expect(report.features).toEqual(['income', 'spending', 'visits']);
    expect(report.scaling).toBe('zscore');
    expect(report.model.features).toEqual(['income', 'spending', 'visits']);
    expect(Object.keys(report.segments[0].centroid)).toEqual(['income', 'spending', 'visits']);
    const summary = await runCli('analyze', path, '--features', 'income,spending,visits');
    expect(summary.stdout).toContain(
      '× visits (z-score scaling, because the features are in different units)',
    );
    expect(summary.stdout).toContain('Mean visits');
    expect(summary.stdout).toContain('`--features income,spending,visits,tenure`');
    const predict = await runCli(
      'predict',
      'age=30',
      'income=90',
      'spending=85',
      'visits=42',
      '--features',
      'income,spending,visits',
      '--data',
      path,
    );
    expect(predict.stderr).toBe('');
    expect(predict.stdout).toMatch(/High income · High spending · High visits/);
  });

  it('exports the extra columns', async () => {
    const out = tempFile('', 'crm-out.csv');
    const run = await runCli('export', '--data', crm(), '--out', out);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toContain(
      'Spending Score (1-100),Region,LoyaltyTier,Visits,Tenure (months),Segment',
    );
  });
});
