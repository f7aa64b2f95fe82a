// Assembles JPEG page images into a PDF, one image filling each page, the way a scanner's
// "scan to PDF" writes them (DCTDecode image XObjects).

export interface JpegPage {
  jpeg: Uint8Array;
  /** Pixel size of the JPEG. */
  width: number;
  height: number;
  /** Page size in points. */
  widthPt: number;
  heightPt: number;
}

export function jpegPagesPdf(pages: readonly JpegPage[]): Uint8Array {
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (b: Buffer) => { chunks.push(b); length += b.length; };
  const object = (n: number, body: Buffer[]) => {
    offsets[n - 1] = length;
    push(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    body.forEach(push);
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1'));
  const kids = pages.map((_, i) => 3 + i * 3);
  object(1, [Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1')]);
  object(2, [Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages.length} >>`, 'latin1')]);
  pages.forEach((p, i) => {
    const page = 3 + i * 3;
    const content = `q ${p.widthPt.toFixed(2)} 0 0 ${p.heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`;
    object(page, [Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.widthPt.toFixed(2)} ${p.heightPt.toFixed(2)}] /Resources << /XObject << /Im0 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`, 'latin1')]);
    object(page + 1, [
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, 'latin1'),
      Buffer.from(p.jpeg),
      Buffer.from('\nendstream', 'latin1'),
    ]);
    object(page + 2, [Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`, 'latin1')]);
  });
  const xref = length;
  const count = 2 + pages.length * 3;
  push(Buffer.from(`xref\n0 ${count + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`, 'latin1'));
  push(Buffer.from(`trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
