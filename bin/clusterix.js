#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI: compiled (lib/) when built, else straight from src/ through ts-node-less require hook.
require('../scripts/run-ts').run('src/cli/main.ts', 'lib/src/cli/main.js');
