import type { GrayImage } from './raster-image.ts';

/**
 * Erases a page's ruled lines (table borders, underlines, form lines) before OCR.
 *
 * Tesseract reads a ruled table badly: a cell border beside a digit becomes `|`, `l` or `1`,
 * a row's border merges lines of text into nonsense, and whole columns are lost. The layout
 * rebuilds tables from the words' positions (`pdf/table-detector.ts`), as it does for a
 * born-digital PDF, so the rules are not needed.
 *
 * A rule is a run of ink far longer than any stroke of a letter: horizontally at least half
 * an inch, vertically at least a third of one (a capital with its marks, `Ệ`, is under a
 * fifth of an inch at 14 pt). Runs are found on the page as it is; pixels in them turn
 * white, together with their antialiased rims. Letters touching a rule lose the rule's row
 * or column of pixels and nothing else. The vertical rules are returned: a table's column
 * borders, where tesseract's lines are cut into cells (`tesseract-tsv.ts`). So is the mask of
 * every rule pixel, horizontal and vertical: a ruled table's cells are the spaces it
 * encloses (`table-cells.ts`).
 */
const INK = 160;

/** A vertical rule found on the page: a table's column border, in the image's pixels. */
export interface VerticalRule {
  x: number;
  top: number;
  bottom: number;
}

export interface RulesRemoved {
  image: GrayImage;
  /** The vertical rules erased, each once (the runs of its thickness merged). */
  verticals: VerticalRule[];
  /** width × height: 1 where a rule ran (before its rims were whitened), else 0. */
  rules: Uint8Array;
}

export function removeRulings(image: GrayImage, dpi: number): RulesRemoved {
  const { width, height, data } = image;
  const out = new Uint8Array(data);
  const rules = new Uint8Array(width * height);
  const across = Math.round(dpi / 2);
  const down = Math.round(dpi / 3);
  const rim = (i: number) => { if (out[i]! < 250) out[i] = 255; };
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x += 1) {
      const ink = x < width && data[row + x]! < INK;
      if (ink && start < 0) start = x;
      if (!ink && start >= 0) {
        if (x - start >= across) {
          for (let i = start; i < x; i += 1) {
            out[row + i] = 255;
            rules[row + i] = 1;
            if (y > 0) rim(row - width + i);
            if (y < height - 1) rim(row + width + i);
          }
        }
        start = -1;
      }
    }
  }
  const runs: VerticalRule[] = [];
  for (let x = 0; x < width; x += 1) {
    let start = -1;
    for (let y = 0; y <= height; y += 1) {
      const ink = y < height && data[y * width + x]! < INK;
      if (ink && start < 0) start = y;
      if (!ink && start >= 0) {
        if (y - start >= down) {
          runs.push({ x, top: start, bottom: y });
          for (let i = start; i < y; i += 1) {
            out[i * width + x] = 255;
            rules[i * width + x] = 1;
            if (x > 0) rim(i * width + x - 1);
            if (x < width - 1) rim(i * width + x + 1);
          }
        }
        start = -1;
      }
    }
  }
  return { image: { width, height, data: out }, verticals: mergeRuns(runs), rules };
}

/** Runs side by side (a rule 2–6 px thick) and overlapping are one rule, at their mean x. */
function mergeRuns(runs: VerticalRule[]): VerticalRule[] {
  const rules: (VerticalRule & { xs: number[] })[] = [];
  for (const run of runs) {
    const near = rules.find((r) => run.x - r.xs[r.xs.length - 1]! <= 2 && run.top < r.bottom && run.bottom > r.top);
    if (near) {
      near.xs.push(run.x);
      near.top = Math.min(near.top, run.top);
      near.bottom = Math.max(near.bottom, run.bottom);
    } else {
      rules.push({ ...run, xs: [run.x] });
    }
  }
  return rules.map(({ xs, top, bottom }) => ({ x: xs.reduce((a, b) => a + b, 0) / xs.length, top, bottom }));
}
