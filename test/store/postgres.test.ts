import { afterAll } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { dropSchema, postgresUnreachable, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { storeContract } from './contract.js';

const url = await postgresUrl();
const schemas: string[] = [];

if (url) {
  afterAll(async () => {
    for (const s of schemas) await dropSchema(url, s);
  });
  // A fresh schema per test: the contract assumes an empty store.
  storeContract('PostgreSQL', async () => {
    const schema = uniqueSchema('contract');
    schemas.push(schema);
    return openPostgresStore(url, { schema });
  });
} else {
  postgresUnreachable('Store contract: PostgreSQL');
}
