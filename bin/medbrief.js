#!/usr/bin/env node
// Runs the compiled CLI when present (npm start / npm run build), else the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'lib', 'cli', 'main.js');
if (existsSync(compiled) && !process.env.MEDBRIEF_FROM_SOURCE) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  // tsx finds tsconfig.json from the working directory; name the project's own, so JSX compiles
  // with its settings when medbrief runs from any folder.
  register({ tsconfig: join(root, 'tsconfig.json') });
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
