/** The notification settings: defaults, environment variables, and refusals that name the setting. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from '../../src/config/index.js';

const problems = (env: Record<string, string>) => {
  try {
    loadServerConfig({ env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('notification settings', () => {
  it('default to off, with a 10 s timeout, a 60 s interval and 8 attempts', () => {
    expect(loadServerConfig({ env: {} })).toMatchObject({
      notifySender: 'off',
      notifyWebhookTimeoutSeconds: 10,
      notifyIntervalSeconds: 60,
      notifyMaxAttempts: 8,
    });
  });

  it('come from the environment', () => {
    const c = loadServerConfig({
      env: {
        MEDBRIEF_NOTIFY_SENDER: 'webhook',
        MEDBRIEF_NOTIFY_WEBHOOK_URL: 'https://hooks.example.org/medbrief',
        MEDBRIEF_NOTIFY_WEBHOOK_SECRET: 'sixteen chars at least',
        MEDBRIEF_NOTIFY_WEBHOOK_TIMEOUT_SECONDS: '3',
        MEDBRIEF_NOTIFY_INTERVAL_SECONDS: '30',
        MEDBRIEF_NOTIFY_MAX_ATTEMPTS: '2',
      },
    });
    expect(c).toMatchObject({
      notifySender: 'webhook',
      notifyWebhookUrl: 'https://hooks.example.org/medbrief',
      notifyWebhookSecret: 'sixteen chars at least',
      notifyWebhookTimeoutSeconds: 3,
      notifyIntervalSeconds: 30,
      notifyMaxAttempts: 2,
    });
  });

  it('refuse a webhook without a URL, a non-http URL, a short secret and an unknown sender', () => {
    expect(problems({ MEDBRIEF_NOTIFY_SENDER: 'webhook' })).toEqual([
      'notifyWebhookUrl: is required when notifySender is webhook (or set MEDBRIEF_NOTIFY_WEBHOOK_URL)',
    ]);
    expect(
      problems({ MEDBRIEF_NOTIFY_SENDER: 'webhook', MEDBRIEF_NOTIFY_WEBHOOK_URL: 'ftp://example.org/x' })[0],
    ).toMatch(/^environment variable MEDBRIEF_NOTIFY_WEBHOOK_URL: /);
    expect(problems({ MEDBRIEF_NOTIFY_WEBHOOK_SECRET: 'short' })).toEqual([
      'environment variable MEDBRIEF_NOTIFY_WEBHOOK_SECRET: must be at least 16 characters',
    ]);
    expect(problems({ MEDBRIEF_NOTIFY_SENDER: 'email' })[0]).toMatch(
      /^environment variable MEDBRIEF_NOTIFY_SENDER: .*"off"\|"log"\|"webhook"/,
    );
    expect(problems({ MEDBRIEF_NOTIFY_MAX_ATTEMPTS: '0' })[0]).toMatch(
      /^environment variable MEDBRIEF_NOTIFY_MAX_ATTEMPTS: /,
    );
  });
});
