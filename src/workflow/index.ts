/** The editorial workflow's pure core: states, roles, four-eyes, review policy, diffs, passwords. */

export * from './accounts.js';
export * from './actions/index.js';
export * from './audit-export.js';
export * from './diff.js';
export * from './errors.js';
export * from './four-eyes.js';
export * from './import-content.js';
export * from './merge.js';
export * from './notifications.js';
export * from './passwords.js';
export * from './policy.js';
export * from './readable-diff.js';
export * from './repo.js';
export * from './roles.js';
export * from './transitions.js';
