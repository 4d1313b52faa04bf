import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

/**
 * The extension's icon: one SVG source (assets/icon.svg), PNGs at the sizes browsers and stores use,
 * and a toolbar icon that reads at 16 px on light and dark toolbars.
 */
const SVG = readFileSync('assets/icon.svg', 'utf8');
const SIZES = [16, 32, 48, 128];
/** Firefox's default light and dark toolbar colours (Chrome's are close to these). */
const TOOLBARS = { light: [0xf9, 0xf9, 0xfb], dark: [0x2b, 0x2a, 0x33] } as const;

function render(size: number) {
  return new Resvg(SVG, { fitTo: { mode: 'width', value: size } }).render();
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('icons', () => {
  it.each(SIZES)('public/icon/%i.png is the SVG rendered at that size (npm run icons)', (size) => {
    const committed = readFileSync(`public/icon/${size}.png`);
    expect(committed.subarray(1, 4).toString()).toBe('PNG');
    // Width and height from the IHDR chunk.
    expect([committed.readUInt32BE(16), committed.readUInt32BE(20)]).toEqual([size, size]);
    expect(Buffer.from(render(size).asPng()).equals(committed)).toBe(true);
  });

  it.each(Object.entries(TOOLBARS))(
    'reads at 16 px on a %s toolbar: the tile stands out 3:1, the lens 3:1 on the tile',
    (_theme, toolbar) => {
      const image = render(16);
      const pixels = image.pixels;
      // Composite every pixel over the toolbar, as the browser draws it.
      const drawn: number[][] = [];
      for (let i = 0; i < pixels.length; i += 4) {
        const alpha = pixels[i + 3]! / 255;
        drawn.push([0, 1, 2].map((c) => pixels[i + c]! * alpha + toolbar[c]! * (1 - alpha)));
      }
      const standsOut = drawn.filter((p) => contrast(p, toolbar) >= 3);
      // Most of the 16×16 square is the icon, clearly apart from the toolbar…
      expect(standsOut.length / drawn.length).toBeGreaterThan(0.6);
      // …and inside it the lens (the light pixels) is clearly apart from the tile.
      const tile = [0x1f, 0x78, 0xd1];
      const lens = drawn.filter((p) => contrast(p, tile) >= 3 && luminance(p) > luminance(tile));
      expect(lens.length).toBeGreaterThanOrEqual(20);
    },
  );
});
