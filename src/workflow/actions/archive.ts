/** archive: the answer is retired (and leaves the public site if it was there). */
import { transitionAction } from './transition.js';

export const archive = transitionAction({ action: 'archive', published: () => null });
