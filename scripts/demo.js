#!/usr/bin/env node
'use strict';
// npm run demo: the sample written to ./out, checked, and (later) consolidated; exit 0 when it comes out as expected.
const path = require('path');
const { runDemo } = require('./run-ts').run('src/cli/demo.ts', 'lib/src/cli/demo.js');

runDemo(path.join(process.cwd(), 'out'), (line) => console.log(line)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`demo: ${e && e.message ? e.message.split('\n')[0] : e}`);
    process.exitCode = 2;
  },
);
