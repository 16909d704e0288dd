#!/usr/bin/env node
'use strict';
// node --cpu-prof scripts/bench/profile-engine.js [partners] [runs]: the engine alone, for a CPU profile.
require('../run-ts').run('scripts/bench/profile-engine.ts', 'lib/scripts/bench/profile-engine.js');
