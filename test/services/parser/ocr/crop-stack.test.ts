import { describe, expect, it } from 'vitest';
import { stackCrops, wordsByCrop } from '../../../../services/parser/ocr/crop-stack.ts';
import type { GrayImage } from '../../../../services/parser/ocr/raster-image.ts';

describe('crop stack', () => {
  // A 100 × 100 page, its ink a gradient so each pixel tells where it came from.
  const image: GrayImage = { width: 100, height: 100, data: Uint8Array.from({ length: 100 * 100 }, (_, i) => i % 250) };
  const crops = [{ x: 10, y: 20, w: 30, h: 10 }, { x: 50, y: 60, w: 20, h: 15 }];

  it('stacks the crops on white, 30 px apart and from the edges, as wide as the widest', () => {
    const { stack, tops } = stackCrops(image, crops);
    expect(tops).toEqual([30, 70]);
    expect([stack.width, stack.height]).toEqual([90, 115]);
    expect(stack.data[30 * stack.width + 30]).toBe(image.data[20 * 100 + 10]);
    expect(stack.data[(70 + 14) * stack.width + 30 + 19]).toBe(image.data[74 * 100 + 69]);
    expect(stack.data[50 * stack.width + 30]).toBe(255);
  });

  it('gives each word read to the crop its centre falls in, moved back onto the page; words between crops are dropped', () => {
    const { tops } = stackCrops(image, crops);
    const tsv = [
      '5\t1\t1\t1\t1\t1\t32\t71\t10\t12\t91\t25',
      '5\t1\t1\t1\t1\t2\t30\t50\t10\t10\t40\t~',
      '5\t1\t1\t1\t2\t1\t35\t31\t20\t8\t88\tNăm',
    ].join('\n');
    const words = wordsByCrop(tsv, crops, tops);
    expect(words[0]).toMatchObject([{ text: 'Năm', left: 15, top: 21, width: 20, height: 8 }]);
    expect(words[1]).toMatchObject([{ text: '25', left: 52, top: 61, confidence: 91 }]);
  });
});
