/** `medbrief backup <file>`, `medbrief restore <file>` and `medbrief check`: keeping the store safe. */
import { existsSync } from 'node:fs';
import { BackupError, backupStore, checkIntegrity, restoreStore } from '../../store/index.js';
import { CliError, EXIT_PROBLEMS, openCliStore } from '../shared.js';

function asCliError(err: unknown): never {
  if (err instanceof BackupError) throw new CliError(err.message, 2);
  throw err;
}

export async function runBackup(file: string, opts: { db: string; force?: boolean }) {
  if (existsSync(file) && !opts.force) {
    throw new CliError(`${file} already exists`, 2, 'choose another name or pass --force');
  }
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const r = await backupStore(store, file).catch(asCliError);
    console.log(`Backed up ${r.rows} rows from ${Object.keys(r.tables).length} tables to ${file}`);
  } finally {
    await store.close();
  }
}

export async function runRestore(file: string, opts: { db: string }) {
  if (!existsSync(file)) throw new CliError(`backup file not found: ${file}`, 2);
  const store = await openCliStore(opts.db);
  try {
    const r = await restoreStore(store, file).catch(asCliError);
    console.log(
      `Restored ${r.rows} rows into ${Object.keys(r.tables).length} tables; every revision hash verified`,
    );
  } finally {
    await store.close();
  }
}

export async function runCheck(opts: { db: string }) {
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const r = await checkIntegrity(store);
    if (!r.ok) {
      for (const p of r.problems) console.error(`problem: ${p}`);
      return EXIT_PROBLEMS;
    }
    console.log(`ok: store is consistent (${r.revisionsChecked} revision hashes verified)`);
  } finally {
    await store.close();
  }
}
