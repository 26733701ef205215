/**
 * The playground in a real browser (playwright-core driving Debian's
 * Chromium at /usr/bin/chromium; never a browser download of the tool's own).
 * The page contract: one text box where a command + Enter is sent, one
 * input[type=file] uploading to the current channel, answers as elements
 * containing their text, charts as img elements. Screenshots at 1280 and 375
 * px go to out/browser/ (git-ignored) for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../src/playground/start.ts';
import { newDataDir } from '../support/slack-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../out/browser/', import.meta.url));
const ANSWER_MS = 90_000;
const hasChromium = existsSync(CHROMIUM);

let playground: Playground;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  playground = await startPlayground({ PORT: '0', DATA_DIR: newDataDir(), LOG_LEVEL: 'error' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(playground.url);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

// The page's DOM, as far as these checks need it (the project compiles without the DOM library).
// Functions passed to evaluate() run in the page, so they reference nothing from this file.
type Img = { complete: boolean; naturalWidth: number };
type Styles = { getComputedStyle(e: unknown, p: string): { content: string } };

async function type(text: string) {
  const box = page.locator('textarea#composer');
  await box.fill(text);
  await box.press('Enter');
}

/** The row (message plus its thread) of the latest top-level bot answer whose text matches. */
const answerRow = (pattern: RegExp) =>
  page
    .locator('#messages > .row')
    .filter({ has: page.locator(':scope > .message', { hasText: pattern }) })
    .last();

describe.skipIf(!hasChromium)(`the playground in Chromium (${CHROMIUM}; .ci/run installs it)`, () => {
  it('/segment summary shows the segment table and the segment map image', { timeout: 180_000 }, async () => {
    await type('/segment summary');
    const row = answerRow(/Customer segments/);
    await row
      .locator('.block-table td', { hasText: /income/i })
      .first()
      .waitFor({ timeout: ANSWER_MS });
    const map = row.locator('.thread img.chart[alt*="Customer segments"]').first();
    await map.waitFor({ timeout: ANSWER_MS });
    expect(
      await map.evaluate(
        (img) => (img as unknown as Img).complete && (img as unknown as Img).naturalWidth > 300,
      ),
    ).toBe(true);
    expect(await row.locator('.block-table tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}summary-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await row.locator('.block-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}summary-375.png` });
    // At 375 px every segment is a card whose cells carry their column name.
    const cell = row.locator('.block-table td').nth(1);
    expect(
      await cell.evaluate((td) => (globalThis as unknown as Styles).getComputedStyle(td, '::before').content),
    ).toMatch(/Customers/);
    const width = await row.locator('.block-table').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(width).toBe(true);
    await row.locator('.thread img.chart').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}chart-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a typing mistake gets an ephemeral answer, only visible to you', { timeout: 120_000 }, async () => {
    await type('/segment sumary');
    const note = page.locator('.message.ephemeral', { hasText: 'sumary' }).last();
    await note.waitFor({ timeout: ANSWER_MS });
    expect(await note.textContent()).toMatch(/Only visible to you/);
  });

  it('clicking Check assumptions answers in the summary’s thread', { timeout: 180_000 }, async () => {
    const row = answerRow(/Customer segments/);
    await row.locator('button', { hasText: 'Check assumptions' }).first().click();
    await row
      .locator('.thread .message', { hasText: /checks pass/ })
      .first()
      .waitFor({ timeout: ANSWER_MS });
    await page.screenshot({ path: `${SHOTS}button-1280.png`, fullPage: true });
  });

  it('uploading the sample CSV through the file input gets a threaded answer with charts', {
    timeout: 180_000,
  }, async () => {
    await page.locator('.channel', { hasText: 'stores' }).click();
    await page.locator('input[type=file]').setInputFiles(SAMPLE);
    const row = page.locator('#messages > .row', {
      has: page.locator('.file-link', { hasText: 'customers.csv' }),
    });
    await row
      .locator('.thread .message', { hasText: /customers\.csv/ })
      .first()
      .waitFor({ timeout: ANSWER_MS });
    const chart = row.locator('.thread img.chart').first();
    await chart.waitFor({ timeout: ANSWER_MS });
    expect(
      await chart.evaluate(
        (img) => (img as unknown as Img).complete && (img as unknown as Img).naturalWidth > 300,
      ),
    ).toBe(true);
    await chart.click();
    expect(await page.locator('#viewer').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SHOTS}upload-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: `${SHOTS}upload-375.png` });
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
