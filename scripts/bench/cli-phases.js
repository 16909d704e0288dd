#!/usr/bin/env node
'use strict';
// node scripts/bench/cli-phases.js BOOK.xlsx: the CLI's consolidate step by step, to see what passes the floor.
require('../run-ts').run('scripts/bench/cli-phases.ts', 'lib/scripts/bench/cli-phases.js');
