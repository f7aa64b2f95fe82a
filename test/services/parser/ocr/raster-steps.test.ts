import { describe, expect, it } from 'vitest';
import { dropColouredInk } from '../../../../services/parser/ocr/ink-dropout.ts';
import { levelImage } from '../../../../services/parser/ocr/image-levelling.ts';
import { decodePnm, decodeRgbPnm, encodeGrayPnm } from '../../../../services/parser/ocr/pnm-codec.ts';
import { turnClockwise } from '../../../../services/parser/ocr/quarter-turn.ts';
import { removeRulings } from '../../../../services/parser/ocr/ruling-removal.ts';
import type { GrayImage } from '../../../../services/parser/ocr/raster-image.ts';
import { skewAngle } from '../../../../services/parser/ocr/skew-angle.ts';

/** A page of ruled "lines of text": dark bars 12 px tall every 40 px, falling `degrees` to the right. */
function barsPage(degrees: number, width = 1200, height = 1600): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let y = 0; y < height; y += 1) {
    for (let x = 100; x < width - 100; x += 1) {
      const flat = y - x * t;
      if (flat > 100 && flat < height - 200 && ((flat - 100) % 40) < 12 && x % 23 < 18) data[y * width + x] = 0;
    }
  }
  return { width, height, data };
}

describe('netpbm images', () => {
  it('writes a gray page that reads back the same', () => {
    const image = { width: 3, height: 2, data: Uint8Array.from([0, 50, 100, 150, 200, 255]) };
    const back = decodePnm(encodeGrayPnm(image));
    expect(back).toMatchObject({ width: 3, height: 2, channels: 1 });
    expect([...back.data]).toEqual([0, 50, 100, 150, 200, 255]);
  });

  it('reads pdftoppm\'s RGB with a comment in the header, and refuses what is not one', () => {
    const bytes = Uint8Array.from([...Buffer.from('P6\n# pdftoppm\n2 1\n255\n', 'latin1'), 1, 2, 3, 4, 5, 6]);
    expect(decodeRgbPnm(bytes)).toEqual({ width: 2, height: 1, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) });
    expect(() => decodeRgbPnm(Uint8Array.from(Buffer.from('P3\n1 1\n255\n0 0 0', 'latin1')))).toThrow(/not a binary netpbm/);
    expect(() => decodeRgbPnm(Uint8Array.from([...Buffer.from('P6\n2 2\n255\n', 'latin1'), 1, 2]))).toThrow(/cut short/);
    expect(() => decodeRgbPnm(Uint8Array.from(Buffer.from('P6\n1 1\n65535\n', 'latin1')))).toThrow(/8-bit/);
  });
});

describe('dropColouredInk', () => {
  const gray = (rgb: number[]) => dropColouredInk({ width: 1, height: 1, data: Uint8Array.from(rgb) }).data[0]!;

  it('whitens the red seal and the blue signature', () => {
    expect(gray([200, 40, 40])).toBe(255);
    expect(gray([230, 150, 150])).toBe(255); // the seal's anti-aliased edge
    expect(gray([50, 70, 160])).toBe(255); // ballpoint blue
    expect(gray([20, 20, 120])).toBeGreaterThan(200); // dark blue ink
  });

  it('keeps black and gray print dark, also where it is printed over the seal', () => {
    expect(gray([30, 30, 30])).toBeLessThan(40);
    expect(gray([128, 128, 128])).toBe(128);
    expect(gray([40, 10, 10])).toBeLessThan(100);
  });
});

describe('skewAngle and levelImage', () => {
  it('measures lines that fall to the right as a positive angle, and lays them flat', () => {
    for (const degrees of [2, -1.5, 3]) {
      const tilted = barsPage(degrees);
      const measured = skewAngle(tilted);
      expect(Math.abs(measured - degrees)).toBeLessThan(0.15);
      expect(Math.abs(skewAngle(levelImage(tilted, measured)))).toBeLessThan(0.15);
    }
  });

  it('finds no tilt on a straight page and leaves it untouched', () => {
    const straight = barsPage(0);
    expect(skewAngle(straight)).toBe(0);
    expect(levelImage(straight, 0)).toBe(straight);
  });

  it('finds no tilt on a blank page', () => {
    expect(skewAngle({ width: 400, height: 400, data: new Uint8Array(160_000).fill(255) })).toBe(0);
  });
});

describe('removeRulings', () => {
  it('erases a table\'s rules, keeps the letters between them, and returns its column borders once each', () => {
    const width = 600;
    const height = 400;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x: number, y: number) => { data[y * width + x] = 0; };
    for (let x = 50; x < 550; x += 1) for (const y of [100, 101, 300, 301]) ink(x, y); // row rules, 2 px
    for (let y = 100; y < 302; y += 1) for (const x of [50, 51, 52, 300, 549]) ink(x, y); // column rules
    for (let y = 180; y < 220; y += 1) for (let x = 150; x < 156; x += 1) ink(x, y); // a letter's stem, 40 px
    const { image, verticals } = removeRulings({ width, height, data }, 300);
    expect(image.data[100 * width + 200]).toBe(255);
    expect(image.data[200 * width + 300]).toBe(255);
    expect(image.data[200 * width + 152]).toBe(0);
    expect(verticals.map((v) => [Math.round(v.x), v.top, v.bottom])).toEqual([[51, 100, 302], [300, 100, 302], [549, 100, 302]]);
  });
});

describe('turnClockwise', () => {
  // 1 2 3
  // 4 5 6
  const image = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };

  it('turns a quarter, a half and three quarters', () => {
    expect(turnClockwise(image, 1)).toEqual({ width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(turnClockwise(image, 2)).toEqual({ width: 3, height: 2, data: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
    expect(turnClockwise(image, 3)).toEqual({ width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
    expect(turnClockwise(image, 4)).toBe(image);
  });
});
