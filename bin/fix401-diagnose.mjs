#!/usr/bin/env node
// Entry point for `npx fix401-diagnose`. The core is TypeScript that Node ≥ 22.18 / 24 runs
// directly (type stripping); see src/diagnose/cli.ts.
import { run } from '../src/diagnose/cli.ts';

await run();
