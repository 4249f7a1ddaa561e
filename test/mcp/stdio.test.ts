/** `medbrief mcp` as an assistant runs it: a child process spoken to over stdio with the SDK client. */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from '../helpers/corpus.js';
import { describeMcpContract } from './contract.js';
import { fixtureDatabase } from './fixture.js';

const BASE_URL = 'https://medbrief.example.org';

describeMcpContract('stdio', async () => {
  const db = await fixtureDatabase();
  const transport = new StdioClientTransport({
    command: join(repoRoot, 'node_modules', '.bin', 'tsx'),
    args: [join(repoRoot, 'src', 'cli', 'main.ts'), 'mcp', '--db', db, '--base-url', `${BASE_URL}/`],
    cwd: repoRoot,
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1', NODE_NO_WARNINGS: '1' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const client = new Client({ name: 'medbrief-test', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (err) {
    throw new Error(`medbrief mcp did not start: ${(err as Error).message}\n${stderr}`);
  }
  const pid = transport.pid!;
  return {
    client,
    baseUrl: BASE_URL,
    alive: async () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
});
