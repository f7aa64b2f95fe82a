// A one-page PDF holding what an office adds to a printed report before scanning it: the
// red seal (con dấu) over the signature block and the signer's blue-ink signature, drawn
// with PDF path and text operators so poppler renders it at any resolution. The seal's
// ring carries letters and digits, as real seals do, so a reader that let it through would
// read numbers that are not in the report.
import { pdfFromObjects } from './pdf-objects.ts';

export interface StampPlacement {
  /** Page size in points. */
  width: number;
  height: number;
  /** Centre of the seal, points from the page's top-left corner. */
  x: number;
  y: number;
  /** Seal radius, points (a commune's seal is ≈ 35 mm across: ≈ 50 pt radius). */
  radius: number;
  /** Text on the ring, ASCII capitals (the standard font has no Vietnamese letters). */
  ring: string;
  /** Text across the centre. */
  centre: string;
}

const RED = '0.85 0.1 0.12';
const BLUE = '0.1 0.2 0.7';

export function stampOverlayPdf(p: StampPlacement): Uint8Array {
  const cx = p.x;
  const cy = p.height - p.y; // PDF space grows upward
  const ops: string[] = [];
  ops.push(`${RED} RG ${RED} rg 2.2 w`, circle(cx, cy, p.radius), 'S', '1.2 w', circle(cx, cy, p.radius * 0.72), 'S');
  // The ring's letters, each turned to follow the circle, from the left round the top.
  const chars = [...p.ring];
  const span = 300;
  chars.forEach((ch, i) => {
    const angle = ((210 - (i * span) / Math.max(1, chars.length - 1)) * Math.PI) / 180;
    const r = p.radius * 0.8;
    const x = cx + r * Math.cos(angle);
    const y = cy + r * Math.sin(angle);
    const t = angle - Math.PI / 2;
    ops.push(`BT /F1 ${(p.radius * 0.16).toFixed(2)} Tf ${num(Math.cos(t))} ${num(Math.sin(t))} ${num(-Math.sin(t))} ${num(Math.cos(t))} ${num(x)} ${num(y)} Tm (${escape(ch)}) Tj ET`);
  });
  ops.push(star(cx, cy + p.radius * 0.32, p.radius * 0.14), 'f');
  ops.push(`BT /F1 ${(p.radius * 0.2).toFixed(2)} Tf ${num(cx - p.centre.length * p.radius * 0.055)} ${num(cy - p.radius * 0.12)} Td (${escape(p.centre)}) Tj ET`);
  // The signature: a few loops and a flourish, left of the seal's centre, over its edge.
  ops.push(`${BLUE} RG 1.3 w 1 J 1 j`);
  const sx = cx - p.radius * 0.9;
  const sy = cy + p.radius * 0.15;
  ops.push(`${num(sx)} ${num(sy)} m ${num(sx + 12)} ${num(sy + 30)} ${num(sx + 22)} ${num(sy - 18)} ${num(sx + 34)} ${num(sy + 8)} c`);
  ops.push(`${num(sx + 46)} ${num(sy + 34)} ${num(sx + 52)} ${num(sy - 22)} ${num(sx + 66)} ${num(sy + 2)} c`);
  ops.push(`${num(sx + 80)} ${num(sy + 26)} ${num(sx + 96)} ${num(sy - 10)} ${num(sx + 120)} ${num(sy + 12)} c S`);
  ops.push(`${num(sx - 6)} ${num(sy - 14)} m ${num(sx + 40)} ${num(sy - 4)} ${num(sx + 90)} ${num(sy - 20)} ${num(sx + 130)} ${num(sy - 8)} c S`);
  return singlePagePdf(p.width, p.height, ops.join('\n'));
}

/** A circle as four Bézier quarter arcs. */
function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${num(cx + r)} ${num(cy)} m`,
    `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
    `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
    `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
    `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c`,
  ].join(' ');
}

function star(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as const;
  });
  return points.map(([x, y], i) => `${num(x)} ${num(y)} ${i === 0 ? 'm' : 'l'}`).join(' ') + ' h';
}

const num = (v: number) => v.toFixed(2);
const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A minimal one-page PDF with Helvetica as /F1. */
export function singlePagePdf(width: number, height: number, content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(width)} ${num(height)}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  return pdfFromObjects(objects);
}
