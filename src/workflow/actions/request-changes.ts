/** request_changes: a reviewer or editor sends the answer back; the reason is required. */
import { WorkflowError } from '../errors.js';
import { transitionAction } from './transition.js';

export const requestChanges = transitionAction({
  action: 'request_changes',
  commentKind: 'request_changes',
  rule(_ctx, _input, { comment }) {
    if (!comment)
      throw new WorkflowError(
        'invalid',
        'say what needs to change',
        'write the reason in the comment box; the author sees it',
      );
  },
});
