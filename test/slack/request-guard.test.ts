import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBody, guardRequests } from '../../src/slack/request-guard.ts';

describe('checkBody', () => {
  const json = (text: string) => checkBody('application/json', Buffer.from(text));
  const form = (text: string) => checkBody('application/x-www-form-urlencoded', Buffer.from(text));

  it('lets JSON objects and plain forms through', () => {
    expect(json('{"type":"event_callback"}')).toEqual({ ok: true });
    expect(form('command=%2Fsegment&text=help')).toEqual({ ok: true });
    expect(form('payload=%7B%22type%22%3A%22block_actions%22%7D')).toEqual({ ok: true });
  });

  it.each(['null', '[]', '[1,2]', '42', '"text"', 'true', '', '{', 'nul'])(
    'refuses the JSON body %j',
    (text) => {
      expect(json(text)).toMatchObject({ ok: false, status: 400 });
    },
  );

  it('refuses a form whose payload is null, an array, broken, or given twice', () => {
    for (const payload of [
      'payload=null',
      'payload=%5B%5D',
      'payload=%7B',
      'payload=%7B%7D&payload=%7B%7D',
    ]) {
      expect(form(payload)).toMatchObject({ ok: false, status: 400 });
    }
  });
});

describe('guardRequests', () => {
  let server: Server;
  let url: string;
  const seen: Array<string | undefined> = [];
  beforeAll(async () => {
    const inner = (req: { rawBody?: Buffer }, res: import('node:http').ServerResponse) => {
      seen.push(req.rawBody?.toString());
      if (req.rawBody?.toString() === '{"throw":true}') throw new Error('listener bug');
      res.end('inner');
    };
    server = createServer(
      guardRequests(inner as never, { maxBodyBytes: 1000, idleTimeoutMs: 200, drainBytes: 100_000 }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (body: string, type = 'application/json') =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': type } });

  it('hands an object body to the inner listener already buffered', async () => {
    const response = await post('{"a":1}');
    expect(await response.text()).toBe('inner');
    expect(seen.at(-1)).toBe('{"a":1}');
  });

  it('answers 400 to null without calling the inner listener', async () => {
    const before = seen.length;
    expect((await post('null')).status).toBe(400);
    expect(seen.length).toBe(before);
  });

  it('answers 413 to a body over the cap, after reading it, so the client sees the status', async () => {
    expect((await post(`{"a":"${'x'.repeat(50_000)}"}`)).status).toBe(413);
  });

  it('answers 500 when the inner listener throws', async () => {
    expect((await post('{"throw":true}')).status).toBe(500);
  });

  it('answers 408 to a client that stops sending', async () => {
    const { port } = new URL(url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('passes GET requests (health checks) straight through', async () => {
    expect(await (await fetch(url)).text()).toBe('inner');
  });
});
