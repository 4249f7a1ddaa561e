// Copies non-TypeScript files that the code reads at run time (YAML, JSON) from src/ to lib/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const copy = (from, to) => {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) copy(src, join(to, name));
    else if (/\.(ya?ml|json|txt)$/.test(name)) cpSync(src, join(to, name));
  }
};
copy('src', 'lib');
