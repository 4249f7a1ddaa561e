/** Worker thread entry: runs live checks off the web server's event loop (see check-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { type LiveInput, type LiveOptions, liveCheck } from './live-check.js';

parentPort?.on('message', (job: { id: number; input: LiveInput; options: LiveOptions }) => {
  try {
    parentPort!.postMessage({ id: job.id, result: liveCheck(job.input, job.options) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message });
  }
});
parentPort?.postMessage({ ready: true });
