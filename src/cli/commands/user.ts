import { isRole, ROLES, type Role, randomToken, WorkflowError, workflowRepo } from '../../workflow/index.js';
import { CliError, openCliStore } from '../shared.js';

function parseRole(text: string): Role {
  if (!isRole(text)) throw new CliError(`unknown role "${text}"`, 2, `use one of: ${ROLES.join(', ')}`);
  return text;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Workflow refusals become CLI errors with their hint. */
function asCliError(err: unknown): never {
  if (err instanceof WorkflowError) throw new CliError(err.message, 1, err.hint);
  throw err;
}

interface ProfileOptions {
  reviewer?: string;
  credentials?: string;
  name?: string;
  demo?: boolean;
}

/** Creates the reviewer profile when --credentials is given; returns the profile id to link. */
async function ensureProfile(
  repo: ReturnType<typeof workflowRepo>,
  username: string,
  opts: ProfileOptions,
  actor: string,
): Promise<string | undefined> {
  if (!opts.credentials) return opts.reviewer;
  const id = opts.reviewer ?? username.replace(/[._]/g, '-');
  await repo.saveReviewerProfile(
    { id, name: opts.name ?? username, credentials: opts.credentials, demo: opts.demo },
    actor,
  );
  return id;
}

export async function runUserAdd(
  username: string,
  opts: ProfileOptions & { role: string; passwordStdin?: boolean; actor: string; db: string },
) {
  const role = parseRole(opts.role);
  let password = opts.passwordStdin ? await readStdin() : process.env.MEDBRIEF_PASSWORD;
  const generated = !password;
  password ||= randomToken(15);
  const store = await openCliStore(opts.db);
  try {
    const repo = workflowRepo(store);
    const reviewerId = await ensureProfile(repo, username, opts, opts.actor);
    const created = await repo
      .createUser({ username, name: opts.name ?? username, role, password, reviewerId }, opts.actor)
      .catch(asCliError);
    console.log(
      `Added ${created.username} (${created.role})${created.reviewerId ? `, signs reviews as "${created.reviewerId}"` : ''}.`,
    );
    if (generated) console.log(`Password (shown once): ${password}`);
  } finally {
    await store.close();
  }
}

export async function runUserList(opts: { format: string; db: string }) {
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const users = await workflowRepo(store).listUsers();
    if (opts.format === 'json') {
      console.log(JSON.stringify({ users }, null, 2));
      return;
    }
    if (!users.length) console.log('No accounts yet. Add one with `medbrief user add <name> --role admin`.');
    for (const u of users) {
      console.log(
        `${u.username.padEnd(20)} ${u.role.padEnd(9)} ${u.name}${u.reviewerId ? ` [reviewer profile: ${u.reviewerId}]` : ''}${u.disabled ? ' (disabled)' : ''}`,
      );
    }
  } finally {
    await store.close();
  }
}

export async function runUserRole(
  username: string,
  roleText: string,
  opts: ProfileOptions & { actor: string; db: string },
) {
  const role = parseRole(roleText);
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const repo = workflowRepo(store);
    const existing = await repo.getUser(username);
    if (!existing) throw new CliError(`no user "${username}"`, 1, 'list accounts with `medbrief user list`');
    const reviewerId = await ensureProfile(
      repo,
      username,
      { ...opts, name: opts.name ?? existing.name },
      opts.actor,
    );
    const updated = await repo.setRole(username, role, opts.actor, reviewerId).catch(asCliError);
    console.log(`${updated.username}: ${existing.role} → ${updated.role}`);
  } finally {
    await store.close();
  }
}

export async function runUserPassword(
  username: string,
  opts: { passwordStdin?: boolean; actor: string; db: string },
) {
  let password = opts.passwordStdin ? await readStdin() : process.env.MEDBRIEF_PASSWORD;
  const generated = !password;
  password ||= randomToken(15);
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    await workflowRepo(store).setPassword(username, password, opts.actor).catch(asCliError);
    console.log(
      `Password changed for ${username}.${generated ? ` New password (shown once): ${password}` : ''}`,
    );
  } finally {
    await store.close();
  }
}
