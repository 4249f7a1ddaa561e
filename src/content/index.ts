export * from './errors.js';
export * from './frontmatter.js';
export * from './hash.js';
export * from './parse.js';
export * from './publishers.js';
export * from './review.js';
export * from './schema.js';
export * from './slug.js';
