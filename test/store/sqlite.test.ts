import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { storeContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A file (not :memory:) so WAL, triggers and foreign keys behave as in production.
storeContract('SQLite', () => openSqliteStore(join(dir, `store-${n++}.db`)));
