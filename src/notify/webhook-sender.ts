/**
 * The webhook sender: POSTs each notification as JSON to one URL. With a secret, the header
 * `X-MedBrief-Signature: sha256=<hex>` carries the HMAC-SHA256 of the exact body bytes, so the
 * receiver can check that MedBrief sent it (compare in constant time). Any answer but 2xx, no
 * answer within the timeout, or no connection is a failed attempt; redirects are not followed.
 * Error messages name only the URL's origin: webhook paths often hold a token.
 */
import { createHmac } from 'node:crypto';
import type { NotificationMessage, Sender } from './sender.js';

export interface WebhookOptions {
  url: string;
  secret?: string;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-medbrief-signature';

/** `sha256=<hex>` of the body under the secret, as sent in X-MedBrief-Signature. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookSender implements Sender {
  readonly name = 'webhook';
  private readonly url: URL;
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookOptions) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new Error(`the webhook URL "${options.url}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`the webhook URL must be http(s), not ${url.protocol}`);
    this.url = url;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    if (!(this.timeoutMs > 0)) throw new Error('the webhook timeout must be more than 0');
  }

  async send(message: NotificationMessage): Promise<void> {
    const body = JSON.stringify(message);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'MedBrief-Notifier/1',
      'x-medbrief-event': message.event,
      'x-medbrief-delivery': String(message.id),
    };
    if (this.options.secret) headers[SIGNATURE_HEADER] = signBody(body, this.options.secret);
    const where = this.url.origin;
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError')
        throw new Error(`webhook ${where} did not answer within ${this.timeoutMs} ms`);
      throw new Error(`cannot reach webhook ${where}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    // Read (and drop) the body so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status > 299)
      throw new Error(`webhook ${where} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
}
