/** comment: anyone adds a note to the current revision; the state does not change. */
import { WorkflowError } from '../errors.js';
import { transitionAction } from './transition.js';

export const comment = transitionAction({
  action: 'comment',
  rule(_ctx, _input, { comment }) {
    if (!comment) throw new WorkflowError('invalid', 'the comment is empty');
  },
});
