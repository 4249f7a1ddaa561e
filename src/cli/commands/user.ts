/**
 * `medbrief user add|list|role|password`: editorial accounts. Passwords are read from standard
 * input (--password-stdin) or MEDBRIEF_PASSWORD, or generated and printed once; they are stored
 * only as scrypt hashes. Every change is written to the audit log.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { isRole, ROLES, type Role, randomToken, WorkflowError, workflowRepo } from '../../workflow/index.js';
import { action, CliError, dbOptionHelp, defaultDb, openCliStore } from '../shared.js';

function defaultActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

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

export function register(program: Command): void {
  const user = program.command('user').description('editorial accounts: add, list, change role or password');

  user
    .command('add')
    .description('create an account (author, reviewer, editor or admin)')
    .argument('<username>', 'sign-in name: lower-case letters, digits, ".", "_" or "-"')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'full name shown to the team (and on pages, for reviewers)')
    .option('--reviewer <id>', 'link an existing reviewer profile (reviewers.yaml id)')
    .option(
      '--credentials <text>',
      'create the reviewer profile with these credentials, e.g. "MD, paediatrics"',
    )
    .option('--demo', 'mark the reviewer profile as a demo account (labelled on pages)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--actor <name>', 'who is recorded in the audit log', defaultActor())
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(
      action(
        async (
          username: string,
          opts: ProfileOptions & { role: string; passwordStdin?: boolean; actor: string; db: string },
        ) => {
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
        },
      ),
    );

  user
    .command('list')
    .description('list accounts and their roles')
    .option('--format <format>', 'text or json', 'text')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(
      action(async (opts: { format: string; db: string }) => {
        const store = await openCliStore(opts.db, { mustExist: true });
        try {
          const users = await workflowRepo(store).listUsers();
          if (opts.format === 'json') {
            console.log(JSON.stringify({ users }, null, 2));
            return;
          }
          if (!users.length)
            console.log('No accounts yet. Add one with `medbrief user add <name> --role admin`.');
          for (const u of users) {
            console.log(
              `${u.username.padEnd(20)} ${u.role.padEnd(9)} ${u.name}${u.reviewerId ? ` [reviewer profile: ${u.reviewerId}]` : ''}${u.disabled ? ' (disabled)' : ''}`,
            );
          }
        } finally {
          await store.close();
        }
      }),
    );

  user
    .command('role')
    .description("change an account's role (ends its sessions)")
    .argument('<username>')
    .argument('<role>', `one of ${ROLES.join(', ')}`)
    .option('--reviewer <id>', 'link an existing reviewer profile')
    .option('--credentials <text>', 'create the reviewer profile with these credentials')
    .option('--name <name>', 'name on the new reviewer profile')
    .option('--actor <name>', 'who is recorded in the audit log', defaultActor())
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(
      action(
        async (username: string, roleText: string, opts: ProfileOptions & { actor: string; db: string }) => {
          const role = parseRole(roleText);
          const store = await openCliStore(opts.db, { mustExist: true });
          try {
            const repo = workflowRepo(store);
            const existing = await repo.getUser(username);
            if (!existing)
              throw new CliError(`no user "${username}"`, 1, 'list accounts with `medbrief user list`');
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
        },
      ),
    );

  user
    .command('password')
    .description('set a new password (read from standard input, or generated); ends the sessions')
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .option('--actor <name>', 'who is recorded in the audit log', defaultActor())
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(
      action(async (username: string, opts: { passwordStdin?: boolean; actor: string; db: string }) => {
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
      }),
    );
}
