import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/log.ts';

describe('logger', () => {
  it('masks bot, app and user tokens and Bearer headers', () => {
    const line = redact(
      'token xoxb-123-456-abc app xapp-1-A1-2-ff user xoxp-9-9 {"Authorization":"Bearer secret123"}',
    );
    expect(line).toBe(
      'token xoxb-[redacted] app xapp-[redacted] user xoxp-[redacted] {"Authorization":"Bearer [redacted]"}',
    );
  });

  it('never writes Web API payloads or raw request bodies, even at debug level', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger.debug('http request body: {"text":"1,Male,19,15,39"}');
    logger.debug('http request result: {"ok":true,"message":{"text":"2,Female,21,15,81"}}');
    logger.debug('{"token":"x","event":{"text":"3,Female,20,16,6"}}');
    logger.info("apiCall('chat.postMessage') start");
    expect(lines.join('\n')).not.toMatch(/Male|Female/);
    expect(lines[0]).toMatch(/http request body: \[payload omitted, \d+ chars\]/);
    expect(lines[3]).toMatch(/INFO .*apiCall/);
  });

  it('drops lines below its level and keeps one name whatever the WebClient sets', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.setName('web-api:WebClient:7');
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN +\[segment-bot\] shown$/);
  });
});
