#!/usr/bin/env node
// pretest: the tests drive Debian's Chromium and LibreOffice (never downloaded browsers).
// Installs them with apt-get where it can (root on Debian); elsewhere stops with the exact command.
'use strict';
const { execSync, spawnSync } = require('child_process');
const fs = require('fs');

const needed = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/soffice', pkg: 'libreoffice-calc-nogui' },
  { bin: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
];
const missing = needed.filter((n) => !fs.existsSync(n.bin));
if (missing.length === 0) process.exit(0);
const pkgs = missing.map((m) => m.pkg).join(' ');
const cmd = `apt-get update && apt-get install -y ${pkgs}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`The tests need ${pkgs}. Install them with:\n  sudo ${cmd}`);
  process.exit(1);
}
console.log(`pretest: installing ${pkgs} with apt-get`);
execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
