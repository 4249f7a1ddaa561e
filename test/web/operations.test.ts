import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { ConfigError, loadServerConfig } from '../../src/config/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/middleware/security-headers.js';
import { startCli } from '../helpers/cli.js';
import { contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';

async function app(options: { lines?: string[] } = {}) {
  const store = await openSqliteStore(':memory:');
  await importContentFolder(store, writeFiles(tempDir(), contentFolder(['alpha'], ['causes'])));
  const lifecycle = { ready: true };
  const logger = pino({ level: 'info' }, { write: (line: string) => options.lines?.push(line) });
  return { ...createApp({ store, lifecycle, logger }), store, lifecycle };
}

describe('health endpoints', () => {
  it('/healthz answers while the process lives; /readyz only while the store answers and not shutting down', async () => {
    const { app: a, store, lifecycle } = await app();
    expect((await a.request('/healthz')).status).toBe(200);
    const ready = await a.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'sqlite' });
    lifecycle.ready = false;
    expect((await a.request('/readyz')).status).toBe(503);
    lifecycle.ready = true;
    await store.close();
    expect((await a.request('/readyz')).status).toBe(503);
    expect((await a.request('/healthz')).status).toBe(200);
  });
});

describe('security headers', () => {
  it.each(['/', '/conditions/alpha/causes', '/api/conditions', '/no-such-page'])(
    'are set on %s',
    async (path) => {
      const { app: a } = await app();
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );
});

describe('request logs', () => {
  it('writes one JSON line per request with a request id that is echoed back', async () => {
    const lines: string[] = [];
    const { app: a } = await app({ lines });
    const res = await a.request('/conditions/alpha', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
    const forged = await a.request('/', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries[0]).toMatchObject({
      reqId: 'trace-12345678',
      method: 'GET',
      path: '/conditions/alpha',
      status: 200,
    });
    expect(typeof entries[0].ms).toBe('number');
    expect(entries).toHaveLength(2);
  });
});

describe('configuration', () => {
  it('layers defaults < file < environment < flags', () => {
    const file = join(tempDir(), 'medbrief.yaml');
    writeFileSync(file, 'port: 4000\nsiteName: Clinic answers\nlogLevel: warn\n');
    const c = loadServerConfig({
      file,
      env: { PORT: '5000', LOG_LEVEL: 'debug' },
      flags: { logLevel: 'error' },
    });
    expect(c).toMatchObject({ port: 5000, siteName: 'Clinic answers', logLevel: 'error', host: '127.0.0.1' });
  });

  it('names the setting, its source and what is allowed', () => {
    const file = join(tempDir(), 'medbrief.json');
    writeFileSync(file, JSON.stringify({ port: 'eighty', colour: 'blue' }));
    expect(() => loadServerConfig({ file, env: {} })).toThrow(ConfigError);
    try {
      loadServerConfig({ file, env: { LOG_LEVEL: 'loud' } });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/unknown setting\(s\) colour/);
    }
    try {
      loadServerConfig({ env: { LOG_LEVEL: 'loud', PORT: '99999' } });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/environment variable LOG_LEVEL: .*info/);
      expect(msg).toMatch(/environment variable PORT: /);
    }
  });

  it('reports a missing or unreadable file', () => {
    expect(() => loadServerConfig({ file: '/no/such.yaml', env: {} })).toThrow(/config file not found/);
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, '- just\n- a list\n');
    expect(() => loadServerConfig({ file, env: {} })).toThrow(/must be a mapping/);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops readiness, finishes, closes the store and exits 0', async () => {
    const db = join(tempDir(), 'g.db');
    const s = startCli(['serve', '--demo', '--db', db, '--port', '0'], /at (http:\/\/\S+)/);
    const [, url] = await s.started;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await s.stop()).toBe(0);
    expect(s.output()).toMatch(/"msg":"stopped"/);
  });
});
