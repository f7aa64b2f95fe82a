import type { Segment } from './line-segments.ts';
import { isValueText } from './value-text.ts';

/**
 * Groups a table region's segments into rows, before anything is known about columns.
 *
 * 1. Cell stacks. A cell's wrapped lines sit one under the other at the font's line
 *    pitch; the next row's text starts lower, by the cell padding and the rule between
 *    rows (LibreOffice: 12.7 pt pitch in a cell, 15.7 pt across a row boundary for 11 pt
 *    type, word boxes 14.3 pt high; 13.8 pt vs 16.9 pt for 12 pt). The step from each
 *    segment down to the nearest segment overlapping it horizontally is collected over
 *    the region (steps of 0.6–1.5 box heights). Sorted, the first jump of at least 8 %
 *    whose lower side has a median of at most 0.97 box height (single-spaced lines are
 *    never further apart than their boxes are high) separates line pitch from row pitch.
 *    Without such a jump all steps are of one kind: line pitch if their median is under
 *    0.95 box height, else row pitch (a table of one-line rows). Segments closer than the
 *    threshold and overlapping horizontally are one cell, unless both are values
 *    (numbers, or list markers `1.`, `-`, `a)`): values do not wrap, so two of them
 *    stacked are two rows.
 * 2. Rows. Each stack covers the band from 0.85 of a line pitch above its first baseline
 *    down to 0.15 of a line pitch above its last one: its lines' bodies, trimmed so that
 *    stacks of neighbouring rows never touch, even without cell padding. Overlapping
 *    bands are one row: a number vertically centred beside a three-line label overlaps
 *    the label's band and joins its row.
 * 3. Anchors. Without cell padding, stacks of successive rows can chain into one band.
 *    A band holding two values stacked in one column is therefore cut again: each group
 *    of values on one baseline anchors a row, and every other line joins the anchor
 *    nearest to it (the upper one on a tie: a wrapped label runs downwards).
 */
export interface RowSegments {
  /** Top to bottom, then left to right. */
  segments: Segment[];
}

interface Stack {
  segments: Segment[];
  top: number;
  bottom: number;
}

export function buildRows(segments: Segment[]): RowSegments[] {
  if (segments.length === 0) return [];
  const sorted = [...segments].sort((a, b) => a.line.baseline - b.line.baseline || a.xMin - b.xMin);
  const height = median(sorted.map((s) => s.line.height));
  const { threshold, linePitch } = measurePitch(sorted, height);
  const stacks = stackCells(sorted, threshold, height);
  for (const st of stacks) {
    st.top = st.segments[0]!.line.baseline - 0.85 * linePitch;
    st.bottom = st.segments[st.segments.length - 1]!.line.baseline - 0.15 * linePitch;
  }
  stacks.sort((a, b) => a.top - b.top);
  const bands: Stack[][] = [];
  let bottom = -Infinity;
  for (const st of stacks) {
    const band = bands[bands.length - 1];
    if (band && st.top < bottom) {
      band.push(st);
      bottom = Math.max(bottom, st.bottom);
    } else {
      bands.push([st]);
      bottom = st.bottom;
    }
  }
  const rows: RowSegments[] = [];
  for (const band of bands) {
    for (const part of splitAtAnchors(band.flatMap((st) => st.segments), linePitch)) {
      rows.push({ segments: part.sort((a, b) => a.line.baseline - b.line.baseline || a.xMin - b.xMin) });
    }
  }
  return rows;
}

/** Line pitch inside cells, and the largest step that still stays in one cell. */
function measurePitch(sorted: Segment[], height: number): { threshold: number; linePitch: number } {
  const steps: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j]!;
      const step = t.line.baseline - s.line.baseline;
      if (step > 1.5 * height) break;
      if (step < 0.6 * height || !overlapX(s, t)) continue;
      steps.push(step);
      break;
    }
  }
  steps.sort((a, b) => a - b);
  let jumpAt = -1;
  for (let i = 0; i + 1 < steps.length; i++) {
    if (steps[i + 1]! / steps[i]! >= 1.08 && median(steps.slice(0, i + 1)) <= 0.97 * height) { jumpAt = i; break; }
  }
  if (jumpAt >= 0) {
    return { threshold: (steps[jumpAt]! + steps[jumpAt + 1]!) / 2, linePitch: median(steps.slice(0, jumpAt + 1)) };
  }
  const m = steps.length > 0 ? median(steps) : height;
  // One kind of step only: line pitch if it is tight for the type size, else row pitch.
  return m <= 0.95 * height ? { threshold: 1.1 * m, linePitch: m } : { threshold: 0.9 * m, linePitch: Math.min(m, 0.9 * height) };
}

function stackCells(sorted: Segment[], threshold: number, height: number): Stack[] {
  const stacks: Stack[] = [];
  const open: Stack[] = [];
  for (const s of sorted) {
    let best: Stack | undefined;
    let bestStep = Infinity;
    for (const st of open) {
      const last = st.segments[st.segments.length - 1]!;
      const step = s.line.baseline - last.line.baseline;
      if (step < 0.3 * height || step > threshold || !overlapX(last, s)) continue;
      if (isValueText(last.text) && isValueText(s.text)) continue;
      if (step < bestStep) { best = st; bestStep = step; }
    }
    if (best) {
      best.segments.push(s);
    } else {
      best = { segments: [s], top: 0, bottom: 0 };
      stacks.push(best);
      open.push(best);
    }
    // Stacks whose last line is far above can no longer grow.
    for (let i = open.length - 1; i >= 0; i--) {
      const last = open[i]!.segments[open[i]!.segments.length - 1]!;
      if (s.line.baseline - last.line.baseline > threshold) open.splice(i, 1);
    }
  }
  return stacks;
}

function splitAtAnchors(segments: Segment[], linePitch: number): Segment[][] {
  const anchors = segments.filter((s) => isValueText(s.text));
  const stacked = anchors.some((a, i) => anchors.some((b, j) => j > i && overlapX(a, b)
    && Math.abs(a.line.baseline - b.line.baseline) >= 0.5 * linePitch));
  if (!stacked) return [segments];
  const baselines = anchors.map((a) => a.line.baseline).sort((a, b) => a - b);
  const centres: number[] = [];
  let group: number[] = [];
  for (const b of baselines) {
    if (group.length > 0 && b - group[group.length - 1]! >= 0.5 * linePitch) {
      centres.push(mean(group));
      group = [];
    }
    group.push(b);
  }
  centres.push(mean(group));
  const parts = centres.map((): Segment[] => []);
  for (const s of segments) {
    let best = 0;
    for (let i = 1; i < centres.length; i++) {
      if (Math.abs(s.line.baseline - centres[i]!) < Math.abs(s.line.baseline - centres[best]!) - 0.01) best = i;
    }
    parts[best]!.push(s);
  }
  return parts.filter((p) => p.length > 0);
}

function overlapX(a: { xMin: number; xMax: number }, b: { xMin: number; xMax: number }): boolean {
  return a.xMin < b.xMax && b.xMin < a.xMax;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length === 0 ? 0 : v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
