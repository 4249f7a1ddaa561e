#!/usr/bin/env node
/** The `medbrief` command line. Each command lives in ./commands/<name>.ts; the tree in ./program.ts. */
import { runProgram } from './program.js';

process.exitCode = await runProgram(process.argv);
