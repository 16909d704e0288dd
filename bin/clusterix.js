#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI: the one-file bundle lib/clusterix.js when built and up to date (npm run build:cli), else
// the compiled lib/src, else straight from src/ through a ts-node-less require hook.
require('../scripts/run-ts').run('src/cli/main.ts', 'lib/src/cli/main.js', 'lib/clusterix.js');
