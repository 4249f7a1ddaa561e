/**
 * `medbrief mcp --ask-log`: ask_medbrief over stdio records the question (scrubbed, channel "mcp")
 * in the database the server reads, like /mcp over HTTP; without the flag nothing is recorded.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { AskLogRepo } from '../../src/asklog/index.js';
import { openStore } from '../../src/store/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { fixtureDatabase } from './fixture.js';

const QUESTION = 'What causes gout? My name is Sarah Jones, call me on 07700 900123';

/** Starts `medbrief mcp` with `flags`, asks one question, and waits for the process to exit. */
async function askOverStdio(db: string, flags: string[]): Promise<{ text: string; stderr: string }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NO_COLOR: '1',
    NODE_NO_WARNINGS: '1',
  };
  delete env.MEDBRIEF_ASK_LOG;
  delete env.MEDBRIEF_CONFIG;
  const transport = new StdioClientTransport({
    command: join(repoRoot, 'node_modules', '.bin', 'tsx'),
    args: [join(repoRoot, 'src', 'cli', 'main.ts'), 'mcp', '--db', db, ...flags],
    cwd: repoRoot,
    env,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const client = new Client({ name: 'medbrief-test', version: '1.0.0' });
  await client.connect(transport);
  const pid = transport.pid!;
  const result = await client.callTool({ name: 'ask_medbrief', arguments: { question: QUESTION } });
  await client.close();
  // The server writes the queued questions as it shuts down: wait until the process is gone.
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const text = (result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('');
  return { text, stderr };
}

async function loggedQuestions(db: string) {
  const store = await openStore(db);
  try {
    return await new AskLogRepo(store).listAsks();
  } finally {
    await store.close();
  }
}

describe('medbrief mcp and the question log', () => {
  it('--ask-log records each ask_medbrief question, scrubbed, as channel mcp', async () => {
    const db = await fixtureDatabase();
    const { text, stderr } = await askOverStdio(db, ['--ask-log']);
    expect(text).toContain('/conditions/gout/causes');
    expect(stderr).toContain('(question log on)');
    const rows = await loggedQuestions(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'mcp', focus: 'gout', aspect: 'causes', outcome: 'answered' });
    expect(rows[0]!.question).toBe('What causes gout? My name is [NAME], call me on [PHONE]');
  }, 60_000);

  it('records nothing without --ask-log (the log is off by default)', async () => {
    const db = await fixtureDatabase();
    const { text, stderr } = await askOverStdio(db, []);
    expect(text).toContain('/conditions/gout/causes');
    expect(stderr).not.toContain('question log on');
    expect(await loggedQuestions(db)).toEqual([]);
  }, 60_000);
});
