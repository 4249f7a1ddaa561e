/** Writes docs/rules.md from the rules' own docs: `npm run docs:rules`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDocs, rules } from '../src/lint/index.js';

const target = join(import.meta.dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRuleDocs(rules), 'utf8');
console.log(`wrote ${target} (${rules.length} rules)`);
