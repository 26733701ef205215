/**
 * Charts shared over real HTTP against the stand-in, with a fault on each of
 * files.uploadV2's three steps: the safe ones are repeated, the share is
 * looked up before it is repeated, and what finally fails is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { chartsNotDelivered } from '../../src/slack/blocks/index.ts';
import type { Deliverer } from '../../src/slack/deliver.ts';
import { isSharedIn } from '../../src/slack/share.ts';
import { reply, standinDeliverer, TINY_PNG } from './fixtures.ts';

let standin: SlackStandin;
let deliverer: Deliverer;
/** Gives up on an answer after 300 ms: a timeout after the request went out. */
let quick: Deliverer;
const logs: string[] = [];

const delivererWith = (timeoutMs: number) => standinDeliverer(standin.apiUrl, timeoutMs, logs);

beforeAll(async () => {
  standin = await SlackStandin.start();
  deliverer = delivererWith(5000);
  quick = delivererWith(300);
});
afterAll(() => standin.close());

const ELBOW = { filename: 'elbow.png', title: 'Elbow', alt: 'Inertia flattens after k = 5.', png: TINY_PNG };
const SCATTER = {
  filename: 'segments.png',
  title: 'Segments',
  alt: 'Five groups by income and spending.',
  png: Buffer.concat([TINY_PNG, Buffer.from([0])]),
};

const sharesIn = (channel: string) => standin.shares.filter((s) => s.channel === channel);
const completions = (channel: string) =>
  standin.calls.filter((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === channel);

/** One share in `channel`, holding exactly these charts' bytes. */
function expectSharedOnce(channel: string, ...charts: Array<typeof ELBOW>) {
  const shares = sharesIn(channel);
  expect(shares).toHaveLength(1);
  expect(shares[0]!.files.map((f) => f.filename)).toEqual(charts.map((c) => c.filename));
  shares[0]!.files.forEach((f, i) => {
    expect(f.bytes.equals(charts[i]!.png)).toBe(true);
  });
}

describe('sharing charts', () => {
  it('asks for another upload URL after a 5xx on files.getUploadURLExternal, and shares the chart once', async () => {
    standin.fail('files.getUploadURLExternal', { status: 500 });
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CURL5', threadTs: '17.1' },
      reply({ images: [ELBOW] }),
    );
    expect(outcome).toEqual({ shared: [0], missing: [] });
    expectSharedOnce('CURL5', ELBOW);
    expect(sharesIn('CURL5')[0]!.threadTs).toBe('17.1');
    expect(
      standin.calls.filter((c) => c.fault === '500' && c.method === 'files.getUploadURLExternal'),
    ).toHaveLength(1);
  });

  it('sends the bytes again after a 5xx on the upload, and shares the chart once', async () => {
    standin.fail('upload', { status: 500 });
    const outcome = await deliverer.uploadAttachments({ channel: 'CBYTES5' }, reply({ images: [ELBOW] }));
    expect(outcome).toEqual({ shared: [0], missing: [] });
    expectSharedOnce('CBYTES5', ELBOW);
    expect(standin.faults.get('upload') ?? []).toHaveLength(0);
    expect(logs.some((l) => /upload of elbow\.png failed .*; try 2/.test(l))).toBe(true);
  });

  it('does not share again after a 5xx on files.completeUploadExternal when Slack did share', async () => {
    standin.fail('files.completeUploadExternal', { status: 500, afterDoing: true });
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CDONE5' },
      reply({ images: [ELBOW, SCATTER] }),
    );
    expect(outcome).toEqual({ shared: [0, 1], missing: [] });
    expectSharedOnce('CDONE5', ELBOW, SCATTER);
    expect(completions('CDONE5')).toHaveLength(1);
    const looked = standin.callsTo('files.info').map((c) => c.args.file);
    expect(looked).toContain(sharesIn('CDONE5')[0]!.files[0]!.id);
  });

  it('does not share again after a timeout on files.completeUploadExternal when Slack did share', async () => {
    standin.fail('files.completeUploadExternal', { lost: true });
    const outcome = await quick.uploadAttachments({ channel: 'CDONELOST' }, reply({ images: [ELBOW] }));
    expect(outcome).toEqual({ shared: [0], missing: [] });
    expectSharedOnce('CDONELOST', ELBOW);
    expect(completions('CDONELOST')).toHaveLength(1);
  });

  it('completes once more after a 5xx on files.completeUploadExternal when Slack did not share', async () => {
    standin.fail('files.completeUploadExternal', { status: 500 });
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CNOTDONE5', threadTs: '18.1' },
      reply({ images: [ELBOW, SCATTER] }),
    );
    expect(outcome).toEqual({ shared: [0, 1], missing: [] });
    expectSharedOnce('CNOTDONE5', ELBOW, SCATTER);
    expect(completions('CNOTDONE5')).toHaveLength(2);
    expect(sharesIn('CNOTDONE5')[0]!.initialComment).toContain('Five groups by income and spending.');
  });

  it('names every chart it could not share when Slack keeps failing, and shares nothing twice', async () => {
    const fives = Array.from({ length: 6 }, () => ({ status: 500 as const }));
    standin.fail('files.completeUploadExternal', ...fives);
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CDOWN5' },
      reply({ images: [ELBOW, SCATTER] }),
    );
    standin.faults.delete('files.completeUploadExternal');
    expect(outcome.shared).toEqual([]);
    expect(outcome.missing.map((m) => m.title)).toEqual(['Elbow', 'Segments']);
    expect(sharesIn('CDOWN5')).toHaveLength(0);
    expect(completions('CDOWN5')).toHaveLength(2);
    expect(chartsNotDelivered(outcome.missing).text).toMatch(
      /couldn't attach \*Elbow\* and \*Segments\* \(Slack did not answer\)/,
    );
  });

  it('shares the charts that reached Slack and names the one that did not', async () => {
    // An `ok: false` answer is not repeated: one of the two charts (whichever asked first) never gets a URL.
    standin.fail('files.getUploadURLExternal', { error: 'internal_error' });
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CHALF' },
      reply({ images: [ELBOW, SCATTER] }),
    );
    expect(outcome.shared).toHaveLength(1);
    expect(outcome.missing).toHaveLength(1);
    const [kept] = outcome.shared;
    const [lost] = outcome.missing;
    const keptChart = [ELBOW, SCATTER][kept!]!;
    expectSharedOnce('CHALF', keptChart);
    expect(lost).toMatchObject({ title: [ELBOW, SCATTER][1 - kept!]!.title, error: 'internal_error' });
    // The message describes what it holds, not the chart that is missing.
    const comment = sharesIn('CHALF')[0]!.initialComment!;
    expect(comment).toContain(keptChart.alt);
    expect(comment).not.toContain([ELBOW, SCATTER][1 - kept!]!.alt);
    expect(chartsNotDelivered(outcome.missing).text).toContain(`*${lost!.title}* (internal_error)`);
  });

  it('does not complete again when files.info cannot say whether Slack shared', async () => {
    standin.fail('files.completeUploadExternal', { status: 500 });
    standin.fail('files.info', { error: 'internal_error' });
    const outcome = await deliverer.uploadAttachments({ channel: 'CUNSURE' }, reply({ images: [ELBOW] }));
    expect(outcome.missing.map((m) => m.title)).toEqual(['Elbow']);
    expect(completions('CUNSURE')).toHaveLength(1);
    expect(sharesIn('CUNSURE')).toHaveLength(0);
  });
});

describe('isSharedIn', () => {
  it("reads files.info's shares per channel, public or private, and its channel lists", () => {
    expect(isSharedIn({ shares: { public: { C1: [{ ts: '1.1' }] } } }, 'C1')).toBe(true);
    expect(isSharedIn({ shares: { private: { G1: [{ ts: '1.1' }] } } }, 'G1')).toBe(true);
    expect(isSharedIn({ groups: ['G2'], shares: {} }, 'G2')).toBe(true);
    expect(isSharedIn({ channels: ['C3'] }, 'C1')).toBe(false);
    expect(isSharedIn({ channels: [], shares: {} }, 'C1')).toBe(false);
  });
});
