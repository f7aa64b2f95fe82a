import type { LocalizedText } from '../../../schemas/localized-text.ts';
import type { PageOcr } from './page-ocr.ts';

/** What a reader tells the user about pages it read by OCR, or could not. */
export function ocrWarning(read: [page: number, how: Omit<PageOcr, 'page'>][]): LocalizedText {
  const pages = pageList(read.map(([n]) => n));
  const mean = Math.round(read.reduce((s, [, how]) => s + how.confidence, 0) / read.length);
  const turned = read.filter(([, how]) => how.turned !== 0).map(([n]) => n);
  const turnedVi = turned.length ? `; đã xoay lại trang ${pageList(turned)}` : '';
  const turnedEn = turned.length ? `; page(s) ${pageList(turned)} turned upright` : '';
  return {
    vi: `Trang ${pages} là ảnh quét, đọc bằng OCR (tesseract), độ tin cậy trung bình ${mean}%${turnedVi}. Số đọc với độ tin cậy thấp chỉ dẫn tới cảnh báo, không thành lỗi.`,
    en: `Page(s) ${pages} are scanned and were read by OCR (tesseract), mean confidence ${mean}%${turnedEn}. Figures read with low confidence lead to warnings, never errors.`,
  };
}

export function ocrMissingWarning(pages: number[]): LocalizedText {
  return {
    vi: `Trang ${pageList(pages)} là ảnh quét nhưng máy chưa có OCR (cài tesseract-ocr, tesseract-ocr-vie và poppler-utils): các trang này chưa được đọc.`,
    en: `Page(s) ${pageList(pages)} are scanned but OCR is not installed here (install tesseract-ocr, tesseract-ocr-vie and poppler-utils): those pages were not read.`,
  };
}

/** `1–3, 5, 7–8`. */
export function pageList(pages: number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(', ');
}
