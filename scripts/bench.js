#!/usr/bin/env node
'use strict';
// `npm run bench`: the performance table (scripts/bench/main.ts), run through the same TypeScript loader as the CLI.
require('./run-ts').run('scripts/bench/main.ts', 'lib/scripts/bench/main.js');
