/**
 * `npm start` as a real process: a start-up failure is one clear line and exit
 * code 1 (never a stack, never a token); a healthy start serves /healthz and
 * SIGTERM stops it with exit code 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { newDataDir, testEnv } from '../support/slack-app.ts';
import { freePort, healthzWithin, launchBot } from '../support/slack-process.ts';

let standin: SlackStandin;
beforeAll(async () => {
  standin = await SlackStandin.start();
});
afterAll(() => standin.close());

const launch = launchBot;

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('start-up failures', () => {
  it('names every missing variable in one line and exits 1 (a half-done Slack setup is not the playground)', async () => {
    const { code, stderr } = await launch({ SLACK_APP_TOKEN: 'not-a-token' }).exit;
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^segment-bot: configuration problems: SLACK_BOT_TOKEN is required/);
    expect(stderr).toMatch(/SLACK_APP_TOKEN must be a Slack token starting with xapp-/);
  });

  it('says the Web API cannot be reached, without printing the token', async () => {
    const env: Record<string, string> = {
      ...testEnv(standin, newDataDir()),
      SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/`,
    };
    const { code, stderr } = await launch({ ...env, LOG_LEVEL: 'error' }).exit;
    expect(code).toBe(1);
    expect(lines(stderr).at(-1)).toMatch(
      /^segment-bot: could not check SLACK_BOT_TOKEN with auth\.test at http\S+ \(ECONNREFUSED\)$/,
    );
    expect(stderr).not.toContain(env.SLACK_BOT_TOKEN);
  });

  it('says the token was rejected', async () => {
    const env = {
      ...testEnv(standin, newDataDir()),
      SLACK_BOT_TOKEN: 'xoxb-0000000000-revoked-token',
      LOG_LEVEL: 'error',
    };
    const { code, stderr } = await launch(env).exit;
    expect(code).toBe(1);
    expect(lines(stderr).at(-1)).toBe(
      'segment-bot: Slack rejected SLACK_BOT_TOKEN (invalid_auth); copy the Bot User OAuth Token again',
    );
    expect(stderr).not.toContain('revoked-token');
  });
});

describe('a healthy start', () => {
  it('serves /healthz in HTTP mode and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { child, exit } = launch({
      ...testEnv(standin, newDataDir()),
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const status = await healthzWithin(port, child, 30_000);
    child.kill('SIGTERM');
    const { code, stderr } = await exit;
    expect(status, stderr).toBe(200);
    expect(code).toBe(0);
    expect(stderr).toMatch(/segment-bot is running \(HTTP on port \d+/);
    expect(stderr).toMatch(/SIGTERM received; stopping/);
  });
});
