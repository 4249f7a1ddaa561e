/**
 * Server configuration: defaults < config file (`--config` or $MEDBRIEF_CONFIG; JSON or YAML)
 * < environment variables < command-line flags. Validated with zod at start-up, with messages
 * that name the setting, where it came from, and what is allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** true/false, also as text from the environment: true, false, 1, 0, yes, no, on, off. */
const BooleanSetting = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' }))
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v)),
]);

export const ServerConfigSchema = z
  .strictObject({
    database: z.string().min(1).default('data/medbrief.db'),
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    host: z.string().min(1).default('127.0.0.1'),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    siteName: z.string().min(1).max(80).default('MedBrief'),
    emergencyNumber: z.string().min(1).max(80).default('your local emergency number'),
    reviewIntervalMonths: z.coerce.number().int().min(1).max(120).default(12),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seconds to let in-flight requests finish after SIGTERM before closing anyway. */
    shutdownGraceSeconds: z.coerce.number().min(0).max(600).default(10),
    /** Record patients' questions (scrubbed of personal data) for the gap queue; `serve --demo` turns it on. */
    askLog: BooleanSetting.optional(),
    /** Days a logged question is kept before the retention job deletes it. */
    askLogRetentionDays: z.coerce.number().int().min(1).max(3650).default(90),
    /** How the server delivers the notification outbox: off (rows wait), log (stdout) or webhook. */
    notifySender: z.enum(['off', 'log', 'webhook']).default('off'),
    /** Where the webhook sender POSTs each notification (JSON). */
    notifyWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Signs each webhook body: header X-MedBrief-Signature: sha256=HMAC-SHA256(secret, body). */
    notifyWebhookSecret: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    notifyWebhookTimeoutSeconds: z.coerce.number().min(1).max(120).default(10),
    /** Seconds between the server's delivery runs. */
    notifyIntervalSeconds: z.coerce.number().int().min(5).max(86400).default(60),
    /** Attempts before a notification is given up (status failed). */
    notifyMaxAttempts: z.coerce.number().int().min(1).max(100).default(8),
  })
  .superRefine((c, ctx) => {
    if (c.notifySender === 'webhook' && !c.notifyWebhookUrl)
      ctx.addIssue({
        code: 'custom',
        path: ['notifyWebhookUrl'],
        message: 'is required when notifySender is webhook (or set MEDBRIEF_NOTIFY_WEBHOOK_URL)',
      });
  });
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Environment variables and the setting each one fills. */
export const ENVIRONMENT: Record<string, keyof ServerConfig> = {
  DATABASE_URL: 'database',
  PORT: 'port',
  HOST: 'host',
  MEDBRIEF_BASE_URL: 'baseUrl',
  MEDBRIEF_SITE_NAME: 'siteName',
  MEDBRIEF_EMERGENCY_NUMBER: 'emergencyNumber',
  MEDBRIEF_REVIEW_INTERVAL_MONTHS: 'reviewIntervalMonths',
  LOG_LEVEL: 'logLevel',
  MEDBRIEF_SHUTDOWN_GRACE_SECONDS: 'shutdownGraceSeconds',
  MEDBRIEF_ASK_LOG: 'askLog',
  MEDBRIEF_ASK_LOG_RETENTION_DAYS: 'askLogRetentionDays',
  MEDBRIEF_NOTIFY_SENDER: 'notifySender',
  MEDBRIEF_NOTIFY_WEBHOOK_URL: 'notifyWebhookUrl',
  MEDBRIEF_NOTIFY_WEBHOOK_SECRET: 'notifyWebhookSecret',
  MEDBRIEF_NOTIFY_WEBHOOK_TIMEOUT_SECONDS: 'notifyWebhookTimeoutSeconds',
  MEDBRIEF_NOTIFY_INTERVAL_SECONDS: 'notifyIntervalSeconds',
  MEDBRIEF_NOTIFY_MAX_ATTEMPTS: 'notifyMaxAttempts',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readFile(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new ConfigError([`config file not found: ${file}`]);
  const text = readFileSync(file, 'utf8');
  try {
    const data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data))
      throw new Error('the top level must be a mapping of settings');
    return data as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError([`${file}: cannot read: ${(err as Error).message}`]);
  }
}

export interface ConfigSources {
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Command-line values; undefined entries are ignored. */
  flags?: Partial<Record<keyof ServerConfig, unknown>>;
}

export function loadServerConfig(sources: ConfigSources = {}): ServerConfig {
  const env = sources.env ?? process.env;
  const origin = new Map<string, string>();
  const merged: Record<string, unknown> = {};
  const file = sources.file ?? env.MEDBRIEF_CONFIG;
  if (file) {
    for (const [k, v] of Object.entries(readFile(file))) {
      merged[k] = v;
      origin.set(k, `${file}: ${k}`);
    }
  }
  for (const [name, key] of Object.entries(ENVIRONMENT)) {
    const v = env[name];
    if (v !== undefined && v !== '') {
      merged[key] = v;
      origin.set(key, `environment variable ${name}`);
    }
  }
  for (const [k, v] of Object.entries(sources.flags ?? {})) {
    if (v === undefined) continue;
    merged[k] = v;
    origin.set(k, `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }
  const result = ServerConfigSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        if (i.code === 'unrecognized_keys') {
          return `${file ?? 'config'}: unknown setting(s) ${i.keys.join(', ')}; known: ${Object.keys(ServerConfigSchema.shape).join(', ')}`;
        }
        const key = String(i.path[0] ?? '');
        return `${origin.get(key) ?? key}: ${i.message}`;
      }),
    );
  }
  return result.data;
}
