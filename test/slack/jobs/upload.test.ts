/**
 * The upload job against the stand-in, with the analysis stubbed: what the
 * uploader is told when charts cannot be attached and Slack then fails the
 * private note too.
 */
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.ts';
import type { Job, JobQueue } from '../../../src/jobs/queue.ts';
import { createLogger } from '../../../src/log.ts';
import { BOT_TOKEN, SlackStandin } from '../../../src/playground/standin/server.ts';
import type { SegmentService } from '../../../src/service.ts';
import { uploadJob } from '../../../src/slack/jobs/upload.ts';
import { reply, TINY_PNG } from '../fixtures.ts';

let standin: SlackStandin;
const logs: string[] = [];

beforeAll(async () => {
  standin = await SlackStandin.start();
});
afterAll(() => standin.close());

const ELBOW = { filename: 'elbow.png', title: 'Elbow', alt: 'Inertia flattens after k = 5.', png: TINY_PNG };

/** The upload job as app.ts builds it, on the stand-in; the service answers every file with `answer` (one chart). */
function job(channel: string, answer: Reply = reply({ images: [ELBOW] })) {
  const logger = createLogger('debug', (line) => logs.push(line));
  const client = new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: standin.apiUrl,
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 5000,
  });
  const service = { ingestUpload: async () => answer } as unknown as SegmentService;
  const handler = uploadJob({
    service,
    fileHost: standin.host,
    maxFileBytes: 1 << 20,
    download: { connectTimeoutMs: 5000, idleTimeoutMs: 5000 },
    jobs: {} as JobQueue,
    poke: () => {},
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 2000, uploadTimeoutMs: 5000 },
    progressIntervalMs: 100,
    client,
    logger,
    botToken: BOT_TOKEN,
  });
  const file = standin.addFile({ name: 'customers.csv', content: 'CustomerID,Gender\n1,Male\n' });
  const upload = {
    id: 1,
    kind: 'upload',
    input: { fileId: file.id, fileName: file.name },
    slack: { teamId: 'T1', channelId: channel, userId: 'U1', threadTs: '1800000300.000100' },
    attempts: 1,
  } as unknown as Job;
  return () => handler(upload, { signal: new AbortController().signal, report: async () => {} });
}

const ephemeralsIn = (channel: string) =>
  standin.callsTo('chat.postEphemeral', false).filter((c) => c.args.channel === channel);
const textOf = (args: Record<string, unknown>) => JSON.stringify([args.text, args.blocks]);

describe('the upload job', () => {
  it('tells the uploader once which charts are missing, even when Slack answers that note with a 5xx', async () => {
    standin.fail('files.completeUploadExternal', { status: 500 }, { status: 500 });
    // Slack posts the note and then answers 500: the uploader has seen it.
    standin.fail('chat.postEphemeral', { status: 500, afterDoing: true });
    await job('CNOTE5')();
    const notes = ephemeralsIn('CNOTE5');
    expect(notes).toHaveLength(1);
    expect(textOf(notes[0]!.args)).toContain("couldn't attach");
    // The answer itself was delivered: the uploader is not told it was not.
    expect(notes.map((n) => textOf(n.args)).join()).not.toContain("couldn't deliver");
    expect(standin.shares.filter((s) => s.channel === 'CNOTE5')).toHaveLength(0);
  });

  it('adds no chart count to an answer that had none (files only) when one of its files fails', async () => {
    // Two files upload side by side, three tries each: five failures leave exactly one of them out.
    const fail = Array.from({ length: 5 }, () => ({ status: 500 as const }));
    standin.fail('files.getUploadURLExternal', ...fail);
    const file = (name: string) => ({
      filename: `${name}.csv`,
      title: name,
      mimetype: 'text/csv',
      content: Buffer.from('id,segment\n1,A\n'),
    });
    await job('CFILES', reply({ files: [file('Segments'), file('Profiles')] }))();
    expect(standin.shares.filter((s) => s.channel === 'CFILES')).toHaveLength(1);
    const texts = standin
      .callsTo('chat.update')
      .filter((c) => c.args.channel === 'CFILES')
      .map((c) => textOf(c.args));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toContain(':bar_chart:');
    expect(textOf(ephemeralsIn('CFILES')[0]!.args)).toContain("couldn't attach");
  });
});
