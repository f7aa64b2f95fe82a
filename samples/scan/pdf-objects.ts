// Writes a PDF file from its numbered objects: header, `n 0 obj … endobj` for each, the
// cross-reference table with exact byte offsets, and the trailer. Object 1 is the catalog.
// An object is latin1 text, or chunks of bytes (an image stream). The stamp overlay and the
// scanned pages (`stamp-overlay.ts`, `image-pdf.ts`) are written with it.

export type PdfObject = string | readonly Uint8Array[];

export function pdfFromObjects(objects: readonly PdfObject[]): Uint8Array {
  const chunks: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer | Uint8Array) => { chunks.push(Buffer.from(b)); length += b.length; };
  const text = (s: string) => push(Buffer.from(s, 'latin1'));
  text('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n');
  const offsets = objects.map((body, i) => {
    const at = length;
    text(`${i + 1} 0 obj\n`);
    if (typeof body === 'string') text(body);
    else body.forEach(push);
    text('\nendobj\n');
    return at;
  });
  const xref = length;
  text(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  text(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}
