/** The editorial team of the tests: an author, two reviewers (demo profiles) and an editor. */
import type { WorkflowUser } from '../../src/store/index.js';
import type { WorkflowRepo } from '../../src/workflow/index.js';

export const PASSWORDS = {
  ann: 'ann password 1',
  rita: 'rita password 2',
  rob: 'rob password 3',
  ed: 'ed password 4',
};

/**
 * The test team (author ann, reviewers rita and rob, editor ed), with PASSWORDS; the reviewers
 * sign with the demo profiles unless the content at hand has others.
 */
export async function createTeam(repo: WorkflowRepo, profiles = { rita: 'demo-paed', rob: 'demo-gp' }) {
  const ann = await repo.createUser(
    { username: 'ann', name: 'Ann Author', role: 'author', password: PASSWORDS.ann },
    'test',
  );
  const rita = await repo.createUser(
    {
      username: 'rita',
      name: 'Rita Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rita,
      reviewerId: profiles.rita,
    },
    'test',
  );
  const rob = await repo.createUser(
    {
      username: 'rob',
      name: 'Rob Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rob,
      reviewerId: profiles.rob,
    },
    'test',
  );
  const ed = await repo.createUser(
    { username: 'ed', name: 'Ed Editor', role: 'editor', password: PASSWORDS.ed },
    'test',
  );
  return { ann, rita, rob, ed };
}

/** The same team under the names of its roles (the store tests). */
export async function workflowUsers(repo: WorkflowRepo): Promise<{
  author: WorkflowUser;
  reviewer: WorkflowUser;
  reviewer2: WorkflowUser;
  editor: WorkflowUser;
}> {
  const { ann, rita, rob, ed } = await createTeam(repo);
  return { author: ann, reviewer: rita, reviewer2: rob, editor: ed };
}
