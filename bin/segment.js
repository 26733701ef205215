#!/usr/bin/env node
// The installed `segment` command: runs the TypeScript CLI through tsx, so the
// project needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
