#!/usr/bin/env node
// Writes the add-in's PNG icons (a white tick on a teal tile) at every size manifest.xml names.
// Run once by hand (`node assets/make-icons.js`); the PNGs are committed so builds need no drawing step.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const TILE = [0, 120, 110]; // teal, readable on light and dark ribbons
const TICK = [255, 255, 255];

const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Distance from point p to segment ab, in unit-square coordinates.
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inTile(x, y) {
  const r = 0.18, m = 0.04; // corner radius, margin
  const cx = Math.min(Math.max(x, m + r), 1 - m - r), cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return Math.hypot(x - cx, y - cy) <= r;
}
function inTick(x, y) {
  const w = 0.085;
  return segDist(x, y, 0.24, 0.52, 0.43, 0.71) <= w || segDist(x, y, 0.43, 0.71, 0.78, 0.3) <= w;
}

function draw(size) {
  const ss = 4; // 4x4 supersampling for smooth edges
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0, tick = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size, v = (y + (sy + 0.5) / ss) / size;
          if (inTile(u, v)) (inTick(u, v) ? tick++ : tile++);
        }
      }
      const n = ss * ss, cover = (tile + tick) / n;
      const mix = tile + tick === 0 ? 0 : tick / (tile + tick);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(TILE[c] * (1 - mix) + TICK[c] * mix);
      px[o + 3] = Math.round(255 * cover);
    }
  }
  return encodePng(size, px);
}

for (const size of SIZES) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), draw(size));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
