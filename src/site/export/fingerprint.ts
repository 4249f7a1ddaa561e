/**
 * A fingerprint of the rendering code itself, so an incremental build re-renders every page when
 * the templates or CSS change, not only when content does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** SHA-256 over every source file of the site module (src/site or its compiled lib/site). */
export function rendererFingerprint(): string {
  if (cached) return cached;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  walk(root);
  cached = hash.digest('hex');
  return cached;
}

/** A short stable key over any JSON-able inputs. */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}
