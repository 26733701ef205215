import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const BOT = 'xoxb-1234567890-0987654321-abcdefghijklmnop';
const APP = 'xapp-1-A0123-4567-abcdefabcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('lists every missing variable together', () => {
    expect(problems({})).toEqual([
      'SLACK_BOT_TOKEN is required (the Bot User OAuth Token, xoxb-…)',
      'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
    ]);
  });

  it('names each malformed variable, and never echoes a token value', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-not-a-bot-token',
      SLACK_APP_TOKEN: 'xoxb-wrong-kind-of-token-here',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'ftp://example',
      MAX_ROWS: '-5',
    };
    const found = problems(env);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'LOG_LEVEL',
      'SLACK_API_URL',
      'MAX_ROWS',
    ]) {
      expect(found.some((p) => p.startsWith(`${name} `))).toBe(true);
    }
    const message = new ConfigError(found).message;
    expect(message).not.toContain(env.SLACK_BOT_TOKEN);
    expect(message).not.toContain(env.SLACK_APP_TOKEN);
  });

  it('chooses Socket Mode when an app token is set, with defaults for the rest', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config.transport).toEqual({ mode: 'socket', appToken: APP });
    expect(config.port).toBe(3000);
    expect(config.slackApiUrl).toBe('https://slack.com/api/');
    expect(config.fileHost).toBe('files.slack.com');
    expect(config.dataDir).toMatch(/[/\\]var[/\\]?$/);
    expect(config.logLevel).toBe('info');
  });

  it('chooses HTTP mode with a signing secret and reads port, API URL and limits', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      MAX_FILE_BYTES: '1000',
      MAX_ROWS: '50',
      DATA_DIR: ' ',
    });
    expect(config.transport).toEqual({ mode: 'http', signingSecret: SECRET });
    expect(config.port).toBe(8080);
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.limits).toEqual({ maxBytes: 1000, maxRows: 50 });
    // Blank counts as unset, as in a .env copied from .env.sample.
    expect(config.dataDir).toMatch(/var/);
  });

  it('reads the cache budget in megabytes, 256 per worker unless set, and refuses a non-number', () => {
    const base = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
    expect(loadConfig(base).cacheBytes).toBe(256 * 1024 * 1024);
    expect(loadConfig({ ...base, CACHE_MAX_MB: '64' }).cacheBytes).toBe(64 * 1024 * 1024);
    expect(problems({ ...base, CACHE_MAX_MB: 'lots' })).toEqual(['CACHE_MAX_MB must be a whole number']);
  });
});
