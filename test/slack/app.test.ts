import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { buildApp } from '../../src/slack/app.ts';

const BOT = 'xoxb-1234567890-0987654321-abcdefghijklmnop';
const quiet = createLogger('error', () => {});
const receiverOf = (app: unknown) => (app as { receiver: unknown }).receiver;

describe('buildApp', () => {
  it('uses Socket Mode when an app token is configured (no public URL needed)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdefabcdef' });
    expect(receiverOf(buildApp(config, quiet))).toBeInstanceOf(SocketModeReceiver);
  });

  it('uses the HTTP receiver with a signing secret', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    });
    expect(receiverOf(buildApp(config, quiet))).toBeInstanceOf(HTTPReceiver);
  });

  it('configures the Web API client: our base URL, a timeout, and no hidden retries', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    const app = buildApp(config, quiet);
    expect(app.client.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(app.webClientOptions).toMatchObject({
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 30_000,
    });
  });
});
