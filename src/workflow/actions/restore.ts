/** restore: an archived answer comes back as a draft. */
import { transitionAction } from './transition.js';

export const restore = transitionAction({ action: 'restore' });
