// What printing, stamping, scanning and photographing do to a page image, on RGB pixels:
// ink laid over ink, a page laid crooked, sensor noise, a phone held at an angle under a
// lamp. Deterministic for a given seed, so generated scans are the same on every machine.
import type { RgbImage } from '../../services/parser/ocr/raster-image.ts';

/** Ink over paper: each channel multiplied (the overlay's white leaves the page as it is). */
export function multiply(page: RgbImage, overlay: RgbImage): RgbImage {
  if (page.width !== overlay.width || page.height !== overlay.height) throw new Error('overlay and page differ in size');
  const data = new Uint8Array(page.data.length);
  for (let i = 0; i < data.length; i += 1) data[i] = (page.data[i]! * overlay.data[i]!) / 255;
  return { ...page, data };
}

/** The page turned `degrees` clockwise about its centre; the scanner's lid (white) fills the corners. */
export function tilt(page: RgbImage, degrees: number): RgbImage {
  return warp(page, (x, y) => {
    const a = (-degrees * Math.PI) / 180;
    const cx = page.width / 2;
    const cy = page.height / 2;
    return [cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a), cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)];
  }, [255, 255, 255]);
}

/**
 * A page photographed from above and in front: its far (top) edge narrower than its near
 * one by `keystone` (0.08 = 8 %), on a dark desk, lit from one side so that brightness
 * falls by `shade` (0.3 = 30 %) across the page.
 */
export function photograph(page: RgbImage, keystone: number, shade: number): RgbImage {
  const { width: w, height: h } = page;
  const warped = warp(page, (x, y) => {
    const squeeze = 1 - keystone * (1 - y / h);
    return [w / 2 + (x - w / 2) / squeeze, y];
  }, [60, 55, 50]);
  const data = new Uint8Array(warped.data.length);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const light = 1 - shade * (0.6 * (x / w) + 0.4 * (y / h));
      const i = (y * w + x) * 3;
      for (let c = 0; c < 3; c += 1) data[i + c] = warped.data[i + c]! * light;
    }
  }
  return { width: w, height: h, data };
}

/** Sensor noise: each sample moved by up to ±`amplitude`. */
export function addNoise(page: RgbImage, amplitude: number, seed: number): RgbImage {
  const random = mulberry32(seed);
  const data = new Uint8Array(page.data.length);
  for (let i = 0; i < data.length; i += 1) {
    const v = page.data[i]! + (random() + random() - 1) * amplitude;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { ...page, data };
}

/** Resamples through `source(x, y)` → the source point each output pixel shows (bilinear). */
function warp(page: RgbImage, source: (x: number, y: number) => readonly [number, number], fill: readonly [number, number, number]): RgbImage {
  const { width: w, height: h, data } = page;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const [sx, sy] = source(x, y);
      const o = (y * w + x) * 3;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[o] = fill[0];
        out[o + 1] = fill[1];
        out[o + 2] = fill[2];
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = (y0 * w + x0) * 3;
      for (let c = 0; c < 3; c += 1) {
        const top = data[i + c]! + (data[i + 3 + c]! - data[i + c]!) * fx;
        const bottom = data[i + w * 3 + c]! + (data[i + w * 3 + 3 + c]! - data[i + w * 3 + c]!) * fx;
        out[o + c] = top + (bottom - top) * fy;
      }
    }
  }
  return { width: w, height: h, data: out };
}

/** A small seeded generator (mulberry32): the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
