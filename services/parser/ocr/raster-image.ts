/**
 * Page images in memory, as the OCR steps pass them along: 8-bit samples, rows top to
 * bottom, no padding. `RgbImage` is what a scanner or camera gives (3 samples a pixel),
 * `GrayImage` what tesseract is given (1 sample a pixel, 0 black … 255 white).
 *
 * Both travel to and from the tools as netpbm files (`pnm-codec.ts`): pdftoppm writes
 * them, tesseract's leptonica reads them, and they need no compression.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 samples: R, G, B. */
  data: Uint8Array;
}

export interface GrayImage {
  width: number;
  height: number;
  /** width × height samples. */
  data: Uint8Array;
}
