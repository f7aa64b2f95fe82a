import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { rotationOf, toFrame, type Rotation } from './reading-frame.ts';

/**
 * Every glyph a page draws, in drawing order, where it is drawn: the text-positioning part
 * of a PDF renderer, run over pdf.js's operator list (`page.getOperatorList()`).
 *
 * Why the operator list and not pdf.js's text content: text content merges what one
 * text-showing operator draws into one run, so a justified line of LibreOffice output is
 * one item with no word positions inside it; the operator list keeps each glyph with its
 * advance, and the kerning and spacing between glyphs, so words can be placed to the
 * hundredth of a point, as poppler places them. Letters drawn from a substitute font after
 * the rest of their line come out where they are printed, not at the end of the line.
 *
 * The state followed is what moves glyphs (PDF 32000-1 §9.3, §9.4): the CTM (`cm`, and
 * each form XObject's matrix), the text matrix and line start (`BT`, `Tm`, `Td`, `TD`,
 * `T*`, `TL`), font and size (`Tf`, or `/Font` in an ExtGState), character and word
 * spacing (`Tc`, `Tw`), horizontal scaling (`Tz`) and rise (`Ts`), saved and restored
 * with `q`/`Q`. A glyph advances by its width × font size × the font matrix, plus `Tc`
 * (and `Tw` after a single-byte space code), times `Tz`; a TJ number moves back by
 * thousandths of the font size. The current point moves in user space, as in poppler,
 * so that rounding to hundredths mostly tips the same way (`showText`).
 *
 * Each glyph is given in the reading frame of its rotation (`reading-frame.ts`): its start
 * `p` along the line, its advance (without `Tc`/`Tw`, which are space between glyphs),
 * its baseline `base` across, and its font size as drawn on the page (the text space's
 * unit height through the text matrix and CTM). Glyphs outside the page are dropped.
 */
export interface PdfjsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: number[] | null;
}

export interface PdfjsFont {
  fontMatrix?: number[];
  vertical?: boolean;
  defaultVMetrics?: number[];
  ascent?: number;
  descent?: number;
  missingFile?: boolean;
}

export interface PlacedGlyph {
  text: string;
  rot: Rotation;
  p: number;
  advance: number;
  base: number;
  fontSize: number;
  /** Height above and depth below the baseline, in font sizes (`fontMetrics`). */
  ascent: number;
  descent: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FONT_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

interface State {
  ctm: Matrix;
  textMatrix: Matrix;
  /** The line's start in text space, and the current point in user space. */
  lineX: number;
  lineY: number;
  x: number;
  y: number;
  font: PdfjsFont;
  /** As set, negative for a mirrored font. */
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/**
 * The glyphs of one page. `pageMatrix` maps PDF user space to page coordinates (pdf.js's
 * viewport transform at scale 1: top-left origin, the page's /Rotate applied); `fontOf`
 * gives the font behind a `setFont` name (pdf.js's `page.commonObjs`).
 */
export function pageGlyphs(ops: OperatorList, pageMatrix: number[], size: { width: number; height: number }, fontOf: (name: string) => PdfjsFont | undefined): PlacedGlyph[] {
  const out: PlacedGlyph[] = [];
  let st: State = {
    ctm: toMatrix(pageMatrix), textMatrix: IDENTITY, lineX: 0, lineY: 0, x: 0, y: 0,
    font: {}, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0,
  };
  const saved: State[] = [];
  const setFont = (name: unknown, fontSize: unknown) => {
    st.font = (typeof name === 'string' ? fontOf(name) : undefined) ?? {};
    st.fontSize = num(fontSize);
  };
  // The current point goes to a new line start: user space = the text matrix applied to it.
  const lineTo = (tx: number, ty: number) => {
    const m = st.textMatrix;
    st.lineX = tx;
    st.lineY = ty;
    st.x = m[0] * tx + m[2] * ty + m[4];
    st.y = m[1] * tx + m[3] * ty + m[5];
  };
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null;
    switch (fnArray[i]) {
      case OPS.save: case OPS.beginGroup: case OPS.paintFormXObjectBegin:
        saved.push(st);
        st = { ...st };
        if (fnArray[i] === OPS.paintFormXObjectBegin && isMatrix(args?.[0])) st.ctm = multiply(st.ctm, toMatrix(args[0]));
        break;
      case OPS.restore: case OPS.endGroup: case OPS.paintFormXObjectEnd:
        st = saved.pop() ?? st;
        break;
      case OPS.transform:
        if (isMatrix(args)) st.ctm = multiply(st.ctm, toMatrix(args));
        break;
      case OPS.beginText:
        st.textMatrix = IDENTITY;
        lineTo(0, 0);
        break;
      case OPS.setTextMatrix:
        if (isMatrix(args?.[0])) st.textMatrix = toMatrix(args[0]);
        lineTo(0, 0);
        break;
      case OPS.moveText:
        lineTo(st.lineX + num(args?.[0]), st.lineY + num(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        st.leading = -num(args?.[1]);
        lineTo(st.lineX + num(args?.[0]), st.lineY + num(args?.[1]));
        break;
      case OPS.setLeading:
        st.leading = num(args?.[0]);
        break;
      case OPS.nextLine:
        lineTo(st.lineX, st.lineY - st.leading);
        break;
      case OPS.setFont:
        setFont(args?.[0], args?.[1]);
        break;
      case OPS.setGState:
        for (const entry of (args?.[0] as unknown[][] | undefined) ?? []) {
          if (entry?.[0] === 'Font' && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1]);
        }
        break;
      case OPS.setCharSpacing: st.charSpacing = num(args?.[0]); break;
      case OPS.setWordSpacing: st.wordSpacing = num(args?.[0]); break;
      case OPS.setHScale: st.hScale = num(args?.[0]) / 100; break;
      case OPS.setTextRise: st.rise = num(args?.[0]); break;
      // pdf.js turns TJ, ' and " into showText (after nextLine and the spacing operators).
      case OPS.showText:
        showText(st, args?.[0], size, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Places one showText's glyphs and moves the current point past them. The arithmetic is
 * done in the order poppler does it (advance = width × size + spacing, × scaling; moved
 * in user space, then through the CTM), so that positions round to the same hundredths.
 */
function showText(st: State, glyphs: unknown, size: { width: number; height: number }, out: PlacedGlyph[]): void {
  const fs = st.fontSize;
  if (!Array.isArray(glyphs) || fs === 0) return;
  const { font, textMatrix: tm, ctm, charSpacing, wordSpacing, hScale } = st;
  const fontMatrix = isMatrix(font.fontMatrix) ? toMatrix(font.fontMatrix) : FONT_MATRIX;
  const vertical = font.vertical === true;
  // The font's unit height as drawn, and the reading direction (downwards for a vertical font).
  const hx = ctm[0] * (tm[2] * fs) + ctm[2] * (tm[3] * fs);
  const hy = ctm[1] * (tm[2] * fs) + ctm[3] * (tm[3] * fs);
  const drawnSize = Math.sqrt(hx * hx + hy * hy);
  const rot = vertical ? rotationOf(-hx * Math.sign(fs), -hy * Math.sign(fs))
    : rotationOf((ctm[0] * tm[0] + ctm[2] * tm[1]) * fs * hScale, (ctm[1] * tm[0] + ctm[3] * tm[1]) * fs * hScale);
  // A vector in text space, through the text matrix only (user space) or also the CTM.
  const userDelta = (tx: number, ty: number) => ({ x: tm[0] * tx + tm[2] * ty, y: tm[1] * tx + tm[3] * ty });
  const { ascent, descent } = fontMetrics(font);
  const riseX = tm[2] * st.rise;
  const riseY = tm[3] * st.rise;
  for (const g of glyphs as unknown[]) {
    if (typeof g === 'number') {
      const d = vertical ? userDelta(0, -g * 0.001 * fs) : userDelta(-g * 0.001 * fs * hScale, 0);
      st.x += d.x;
      st.y += d.y;
      continue;
    }
    if (!isGlyph(g)) continue;
    const spacing = g.isSpace ? charSpacing + wordSpacing : charSpacing;
    let step: { x: number; y: number };
    let width: { x: number; y: number };
    if (vertical) {
      const vm = g.vmetric ?? font.defaultVMetrics;
      const w = (vm ? -vm[0]! : g.width) * fontMatrix[0];
      step = userDelta(0, -(w * fs + spacing));
      width = userDelta(0, -(w * fs));
    } else {
      const w = g.width * fontMatrix[0];
      const dx = (w * fs + spacing) * hScale;
      step = userDelta(dx, 0);
      const gap = userDelta(spacing * hScale, 0);
      width = { x: step.x - gap.x, y: step.y - gap.y };
    }
    const ox = st.x + riseX;
    const oy = st.y + riseY;
    const x = ctm[0] * ox + ctm[2] * oy + ctm[4];
    const y = ctm[1] * ox + ctm[3] * oy + ctm[5];
    const dx = ctm[0] * width.x + ctm[2] * width.y;
    const dy = ctm[1] * width.x + ctm[3] * width.y;
    st.x += step.x;
    st.y += step.y;
    if (!inside(x, y, dx, dy, size)) continue;
    const start = toFrame(rot, x, y);
    // Not `push`: pdf.js's legacy build replaces Array.prototype.push, process-wide, with
    // core-js's, about 7 times slower, and this runs once per glyph.
    out[out.length] = { text: g.unicode, rot, p: start.p, advance: toFrame(rot, dx, dy).p, base: start.s, fontSize: drawnSize, ascent, descent };
  }
}

/**
 * How far a font's boxes reach above and below the baseline, as poppler draws them: the
 * font descriptor's Ascent and Descent, else the standard metrics of the 14 base fonts,
 * else 0.95 and 0.35. pdf.js gives the first two for a font that is not embedded; for an
 * embedded one it measures the font program instead, which poppler does not, so those
 * get poppler's fallback, which is what poppler gives them when the descriptor says 0, as
 * LibreOffice's do. (An embedded font whose descriptor states its ascent, as Word's do,
 * gets taller boxes here than from poppler: 1.3 font sizes rather than about 1.1.)
 */
function fontMetrics(font: PdfjsFont): { ascent: number; descent: number } {
  const { ascent, descent } = font;
  if (font.missingFile === true && ascent !== undefined && descent !== undefined && ascent > 0 && ascent < 3 && descent < 0 && descent > -3) {
    return { ascent, descent: -descent };
  }
  return { ascent: 0.95, descent: 0.35 };
}

/** Whether a glyph touches the page (poppler drops the ones that do not, e.g. text parked off the page). */
function inside(x: number, y: number, dx: number, dy: number, size: { width: number; height: number }): boolean {
  if (![x, y, dx, dy].every(Number.isFinite)) return false;
  return !(x + dx < 0 || x > size.width || y + dy < 0 || y > size.height);
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

function isMatrix(v: unknown): v is ArrayLike<number> {
  return v !== null && typeof v === 'object' && (v as ArrayLike<number>).length === 6;
}

function toMatrix(v: ArrayLike<number>): Matrix {
  return [Number(v[0]), Number(v[1]), Number(v[2]), Number(v[3]), Number(v[4]), Number(v[5])];
}

function num(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

function isGlyph(g: unknown): g is PdfjsGlyph {
  return g !== null && typeof g === 'object' && typeof (g as PdfjsGlyph).unicode === 'string' && typeof (g as PdfjsGlyph).width === 'number';
}
