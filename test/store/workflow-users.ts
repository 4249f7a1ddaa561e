/** The editorial team of the store tests: an author, two reviewers (demo profiles) and an editor. */
import type { WorkflowUser } from '../../src/store/index.js';
import type { WorkflowRepo } from '../../src/workflow/index.js';

export async function workflowUsers(repo: WorkflowRepo): Promise<{
  author: WorkflowUser;
  reviewer: WorkflowUser;
  reviewer2: WorkflowUser;
  editor: WorkflowUser;
}> {
  const author = await repo.createUser(
    { username: 'ann', name: 'Ann Author', role: 'author', password: 'correct horse 1' },
    'test',
  );
  const reviewer = await repo.createUser(
    {
      username: 'rita',
      name: 'Rita Reviewer',
      role: 'reviewer',
      password: 'correct horse 2',
      reviewerId: 'demo-paed',
    },
    'test',
  );
  const reviewer2 = await repo.createUser(
    {
      username: 'rob',
      name: 'Rob Reviewer',
      role: 'reviewer',
      password: 'correct horse 3',
      reviewerId: 'demo-gp',
    },
    'test',
  );
  const editor = await repo.createUser(
    { username: 'ed', name: 'Ed Editor', role: 'editor', password: 'correct horse 4' },
    'test',
  );
  return { author, reviewer, reviewer2, editor };
}
