/** unpublish: the page leaves the public site; the working revision stays as it is. */
import { transitionAction } from './transition.js';

export const unpublish = transitionAction({ action: 'unpublish', published: () => null });
