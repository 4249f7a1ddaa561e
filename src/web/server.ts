/** Serving the app over HTTP on Node, with graceful shutdown. */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export function startServer(app: Hono, port: number, hostname = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        port: info.port,
        url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`,
        close: () =>
          new Promise<void>((res, rej) => {
            server.close((err) => (err ? rej(err) : res()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.on('error', reject);
  });
}
