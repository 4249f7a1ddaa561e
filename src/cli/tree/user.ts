/** `medbrief user`: its arguments, options and help; the implementation is ../commands/user.ts, loaded when it runs. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ROLES } from '../../store/index.js';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/user.js');

function defaultActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
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
    .action(lazyAction(load, (m) => m.runUserAdd));

  user
    .command('list')
    .description('list accounts and their roles')
    .option('--format <format>', 'text or json', 'text')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runUserList));

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
    .action(lazyAction(load, (m) => m.runUserRole));

  user
    .command('password')
    .description('set a new password (read from standard input, or generated); ends the sessions')
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .option('--actor <name>', 'who is recorded in the audit log', defaultActor())
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runUserPassword));
}
