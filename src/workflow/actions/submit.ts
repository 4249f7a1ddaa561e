/** submit: the author sends a draft (or a revision after requested changes) for medical review. */
import { transitionAction } from './transition.js';

export const submit = transitionAction({ action: 'submit' });
