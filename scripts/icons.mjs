#!/usr/bin/env node
// `npm run icons`: renders assets/icon.svg, the one source of the extension's icon, to the PNG sizes
// browsers and both stores use (16, 32, 48, 128), into public/icon/ where WXT picks them up for the
// manifest. The PNGs are committed; tests/unit/icons.test.ts fails when they no longer match the SVG.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128];
const svg = readFileSync('assets/icon.svg', 'utf8');
mkdirSync('public/icon', { recursive: true });
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`public/icon/${size}.png`, png);
  console.log(`public/icon/${size}.png (${png.length} bytes)`);
}
