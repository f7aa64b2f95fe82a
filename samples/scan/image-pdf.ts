// Assembles JPEG page images into a PDF, one image filling each page, the way a scanner's
// "scan to PDF" writes them (DCTDecode image XObjects).
import { pdfFromObjects, type PdfObject } from './pdf-objects.ts';

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
  const kids = pages.map((_, i) => 3 + i * 3);
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  ];
  pages.forEach((p, i) => {
    const page = 3 + i * 3;
    const size = `${p.widthPt.toFixed(2)} ${p.heightPt.toFixed(2)}`;
    const content = `q ${p.widthPt.toFixed(2)} 0 0 ${p.heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size}] /Resources << /XObject << /Im0 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`,
      [
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, 'latin1'),
        p.jpeg,
        Buffer.from('\nendstream', 'latin1'),
      ],
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  });
  return pdfFromObjects(objects);
}
