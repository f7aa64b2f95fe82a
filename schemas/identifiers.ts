import { z } from 'zod';

/** A report is identified by the sha256 of its bytes (lowercase hex). */
export const ReportId = z.string().regex(/^[0-9a-f]{64}$/, 'reportId must be a lowercase sha256 hex digest');
export type ReportId = z.infer<typeof ReportId>;

/**
 * Administrative unit code (GSO: 2-digit province, 3-digit district, 5-digit commune),
 * or `unknown` while the unit has not been identified.
 */
export const UnitCode = z.string().regex(/^(\d{2,5}|unknown)$/, 'unit must be a GSO code (2–5 digits) or "unknown"');
export type UnitCode = z.infer<typeof UnitCode>;

/**
 * Reporting period, as a compact string:
 *   `2016`            a calendar year
 *   `2020-Q1`         a quarter            `2020-H1` a half year
 *   `2020-M03`        a month              `2020-9M` the first nine months
 *   `2011..2020`      a multi-year stage (giai đoạn)
 *   `unknown`         not identified yet
 */
export const Period = z
  .string()
  .regex(/^(\d{4}(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])|9M))?|\d{4}\.\.\d{4}|unknown)$/, 'period must look like 2016, 2020-Q1, 2020-H1, 2020-M03, 2020-9M, 2011..2020 or unknown');
export type Period = z.infer<typeof Period>;

/**
 * The kinds of file a unit may send: PDF (born-digital or scanned), Word (DOCX and
 * Word 97–2003 .doc), Excel appendices (XLSX), and photographed or scanned pages
 * (JPEG, PNG, TIFF).
 */
export const MediaType = z.enum([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
  'image/tiff',
]);
export type MediaType = z.infer<typeof MediaType>;

/** The file-name extension a stored original gets, by its media type. */
export const EXTENSION_OF = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
} as const satisfies Record<MediaType, string>;
export type FileExtension = (typeof EXTENSION_OF)[MediaType];
