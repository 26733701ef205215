import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/commands/errors.ts';
import { fileView } from '../../src/playground/standin/routes.ts';
import { BOT_TOKEN, SlackStandin } from '../../src/playground/standin/server.ts';
import {
  downloadCapped,
  downloadUrl,
  isAllowedUrl,
  isTableFile,
  type SharedFile,
} from '../../src/slack/files.ts';

let standin: SlackStandin;
beforeAll(async () => {
  standin = await SlackStandin.start();
});
afterAll(() => standin.close());

const CSV = 'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n1,Male,19,15,39\n';
const options = () => ({
  token: BOT_TOKEN,
  allowedHost: standin.host,
  maxBytes: 10_000,
  connectTimeoutMs: 5000,
  idleTimeoutMs: 5000,
});
const shared = (spec: Parameters<SlackStandin['addFile']>[0]) =>
  fileView(standin.addFile(spec), standin.origin) as unknown as SharedFile;

/** A refused file is an InputError like any other user problem, with a refusal code. */
async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('which files are read', () => {
  it('takes CSV and TSV by Slack filetype or by name, and nothing else', () => {
    expect(isTableFile({ name: 'customers.csv', filetype: 'csv' })).toBe(true);
    expect(isTableFile({ name: 'export', filetype: 'tsv' })).toBe(true);
    expect(isTableFile({ name: 'Mall.CSV', filetype: 'text' })).toBe(true);
    expect(isTableFile({ name: 'notes.txt', filetype: 'text' })).toBe(false);
    expect(isTableFile({ name: 'chart.png', filetype: 'png' })).toBe(false);
    expect(isTableFile({ name: 'drive.csv', filetype: 'csv', is_external: true })).toBe(false);
  });

  it('sends the token only to the configured file host, over https (http only on loopback)', () => {
    expect(isAllowedUrl('https://files.slack.com/files-pri/T1-F1/download/a.csv', 'files.slack.com')).toBe(
      true,
    );
    expect(isAllowedUrl('http://files.slack.com/a.csv', 'files.slack.com')).toBe(false);
    expect(isAllowedUrl('https://files.slack.com.evil.example/a.csv', 'files.slack.com')).toBe(false);
    expect(isAllowedUrl('https://user:pw@files.slack.com/a.csv', 'files.slack.com')).toBe(false);
    expect(isAllowedUrl('http://127.0.0.1:4000/files/F1/a.csv', '127.0.0.1:4000')).toBe(true);
    expect(isAllowedUrl('http://127.0.0.1:4001/files/F1/a.csv', '127.0.0.1:4000')).toBe(false);
    expect(isAllowedUrl('not a url', 'files.slack.com')).toBe(false);
  });
});

describe('checks before downloading', () => {
  it('refuses external files, other modes and files over the limit, by what files.info says', () => {
    const base = {
      id: 'F1',
      name: 'a.csv',
      filetype: 'csv',
      url_private_download: `${standin.origin}/files/F1/a.csv`,
    };
    const at =
      (file: SharedFile, max = 100) =>
      () =>
        downloadUrl(file, standin.host, max);
    expect(at({ ...base, is_external: true })).toThrow(/stored outside Slack/);
    expect(at({ ...base, mode: 'external' })).toThrow(/stored outside Slack/);
    expect(at({ ...base, size: 101 })).toThrow(/101 bytes, over the 100 bytes limit/);
    expect(at({ ...base, name: 'a.xls', filetype: 'xls' })).toThrow(
      /not a CSV, TSV or Excel \(\.xlsx\) file/,
    );
    expect(at({ ...base, url_private_download: 'https://elsewhere.example/a.csv' })).toThrow(/file host/);
    expect(downloadUrl({ ...base, size: 100 }, standin.host, 100)).toBe(base.url_private_download);
  });
});

describe('downloadCapped', () => {
  it('downloads with the bot token from the allowed host', async () => {
    const file = shared({ name: 'customers.csv', content: CSV });
    const bytes = await downloadCapped(file.url_private_download!, 'customers.csv', options());
    expect(Buffer.from(bytes).toString('utf8')).toBe(CSV);
    expect(standin.downloads.at(-1)?.auth).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('never sends the token to another host', async () => {
    const fetchFn = vi.fn<typeof fetch>();
    const url = 'https://attacker.example/files/F1/a.csv';
    await refusal(downloadCapped(url, 'a.csv', { ...options(), fetchFn }));
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('does not follow a redirect, even one to its own host', async () => {
    const file = shared({ name: 'moved.csv', content: CSV, redirectTo: `${standin.origin}/files/F0/x.csv` });
    const before = standin.downloads.length;
    const error = await refusal(downloadCapped(file.url_private_download!, 'moved.csv', options()));
    expect(error.message).toMatch(/answered 302/);
    expect(standin.downloads.length).toBe(before + 1);
  });

  it("recognises Slack's HTML login page (status 200) instead of treating it as data", async () => {
    const file = shared({ name: 'customers.csv', content: CSV });
    const error = await refusal(
      downloadCapped(file.url_private_download!, 'customers.csv', {
        ...options(),
        token: 'xoxb-wrong-token-123456',
      }),
    );
    expect(error.code).toBe('download_login_page');
    const disguised = shared({
      name: 'page.csv',
      content: '<!DOCTYPE html><html>Sign in</html>',
      servedAs: 'text/csv',
    });
    expect((await refusal(downloadCapped(disguised.url_private_download!, 'page.csv', options()))).code).toBe(
      'download_login_page',
    );
  });

  it('stops reading at the byte cap even when files.info understated the size', async () => {
    const file = shared({ name: 'big.csv', content: CSV.repeat(1000), size: 10 });
    const error = await refusal(downloadCapped(file.url_private_download!, 'big.csv', options()));
    expect(error.code).toBe('file_too_large');
  });
});
