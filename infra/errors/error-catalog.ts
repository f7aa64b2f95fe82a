import { TonghopError } from './tonghop-error.ts';

/**
 * Every coded error tonghop raises. Each entry: a message template in Vietnamese and
 * English (`%s` is replaced by the arguments in order), an HTTP-like status, and
 * whether a retry can help. README.md ("Mã lỗi / Error codes") documents them all.
 */
interface ErrorDefinition {
  vi: string;
  en: string;
  status: number;
  retriable: boolean;
}

const definitions = {
  TH_ERR_EMPTY_FILE: { vi: 'Tệp rỗng (0 byte): %s', en: 'The file is empty (0 bytes): %s', status: 400, retriable: false },
  TH_ERR_UNSUPPORTED_TYPE: { vi: 'Tệp %s không phải loại nhận được (PDF, DOCX, DOC, XLSX, ảnh JPEG/PNG/TIFF) (nhận diện theo nội dung: %s)', en: 'File %s is not an accepted kind (PDF, DOCX, DOC, XLSX, JPEG/PNG/TIFF image) (detected from content: %s)', status: 415, retriable: false },
  TH_ERR_FILE_TOO_LARGE: { vi: 'Tệp %s quá lớn: %s byte, giới hạn %s byte', en: 'File %s is too large: %s bytes, limit %s bytes', status: 413, retriable: false },
  TH_ERR_PDF_CORRUPT: { vi: 'Không đọc được PDF (tệp hỏng hoặc bị cắt cụt): %s', en: 'Cannot read the PDF (corrupt or truncated): %s', status: 422, retriable: false },
  TH_ERR_PDF_ENCRYPTED: { vi: 'PDF được đặt mật khẩu, không thể đọc: %s', en: 'The PDF is password-protected and cannot be read: %s', status: 422, retriable: false },
  TH_ERR_DOCX_CORRUPT: { vi: 'Không đọc được DOCX (tệp hỏng): %s', en: 'Cannot read the DOCX (corrupt file): %s', status: 422, retriable: false },
  TH_ERR_DOC_CORRUPT: { vi: 'Không đọc được tệp Word 97–2003 (.doc) (tệp hỏng, bị cắt cụt hoặc không phải Word): %s', en: 'Cannot read the Word 97–2003 (.doc) file (corrupt, truncated or not Word): %s', status: 422, retriable: false },
  TH_ERR_DOC_ENCRYPTED: { vi: 'Tệp Word 97–2003 (.doc) được đặt mật khẩu, không thể đọc: %s', en: 'The Word 97–2003 (.doc) file is password-protected and cannot be read: %s', status: 422, retriable: false },
  TH_ERR_DOC_TOOL_MISSING: { vi: 'Máy chưa cài công cụ đọc tệp Word 97–2003 (.doc): cần LibreOffice hoặc antiword (Debian/Ubuntu: apt-get install libreoffice-writer-nogui, hoặc apt-get install antiword): %s', en: 'No reader for Word 97–2003 (.doc) files is installed: LibreOffice or antiword is needed (Debian/Ubuntu: apt-get install libreoffice-writer-nogui, or apt-get install antiword): %s', status: 422, retriable: false },
  TH_ERR_XLSX_CORRUPT: { vi: 'Không đọc được XLSX (tệp hỏng hoặc không phải bảng tính Excel 2007+): %s', en: 'Cannot read the XLSX (corrupt, or not an Excel 2007+ workbook): %s', status: 422, retriable: false },
  TH_ERR_XLSX_ENCRYPTED: { vi: 'XLSX được đặt mật khẩu, không thể đọc: %s', en: 'The XLSX is password-protected and cannot be read: %s', status: 422, retriable: false },
  TH_ERR_XLSX_TOO_LARGE: { vi: 'Tệp %s bị từ chối: trang tính %s có %s ô và %s vùng gộp ô, vượt giới hạn mỗi trang tính (%s ô, %s vùng gộp ô)', en: 'File %s refused: sheet %s has %s cells and %s merged ranges, over the limits per sheet (%s cells, %s merged ranges)', status: 422, retriable: false },
  TH_ERR_ZIP_BOMB: { vi: 'Tệp %s bị từ chối: nội dung nén bung ra quá lớn (%s byte), nghi là "bom zip"', en: 'File %s refused: its compressed content expands too far (%s bytes), a suspected zip bomb', status: 422, retriable: false },
  TH_ERR_NO_TEXT_LAYER: { vi: 'Không đọc được chữ nào trong tài liệu (trang trắng, bảng tính rỗng, hoặc ảnh quét quá mờ để OCR đọc): %s', en: 'No text could be read from the document (blank pages, an empty workbook, or a scan too faint for OCR): %s', status: 422, retriable: false },
  TH_ERR_OCR_MISSING: { vi: 'Tài liệu là bản quét, cần OCR nhưng máy chưa cài tesseract với tiếng Việt (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils): %s', en: 'The document is scanned and needs OCR, but tesseract with Vietnamese is not installed (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils): %s', status: 422, retriable: false },
  TH_ERR_OCR_FAILED: { vi: 'OCR không đọc được trang ảnh: %s', en: 'OCR could not read the page image: %s', status: 422, retriable: false },
  TH_ERR_IMAGE_CORRUPT: { vi: 'Không đọc được ảnh (tệp hỏng hoặc bị cắt cụt): %s', en: 'Cannot read the image (corrupt or truncated): %s', status: 422, retriable: false },
  TH_ERR_IMAGE_TOO_LARGE: { vi: 'Ảnh %s quá lớn: %s điểm ảnh, giới hạn %s', en: 'Image %s is too large: %s pixels, limit %s', status: 413, retriable: false },
  TH_ERR_FILE_NOT_FOUND: { vi: 'Không tìm thấy tệp: %s', en: 'File not found: %s', status: 404, retriable: false },
  TH_ERR_OBJECT_NOT_FOUND: { vi: 'Không có đối tượng trong kho lưu trữ: %s', en: 'No such object in the store: %s', status: 404, retriable: false },
  TH_ERR_OBJECT_CORRUPT: { vi: 'Đối tượng trong kho bị sai lệch (sha256 không khớp): %s', en: 'Stored object is corrupt (sha256 mismatch): %s', status: 500, retriable: false },
  TH_ERR_INVALID_OBJECT_KEY: { vi: 'Khóa đối tượng không hợp lệ: %s', en: 'Invalid object key: %s', status: 400, retriable: false },
  TH_ERR_STORE_UNAVAILABLE: { vi: 'Kho lưu trữ tạm thời không truy cập được: %s', en: 'The object store is temporarily unavailable: %s', status: 503, retriable: true },
  TH_ERR_INVALID_EVENT: { vi: 'Sự kiện không hợp lệ: %s', en: 'Invalid event: %s', status: 400, retriable: false },
  TH_ERR_CONFIG: { vi: 'Cấu hình không hợp lệ:\n%s', en: 'Invalid configuration:\n%s', status: 500, retriable: false },
  TH_ERR_CONTACTS_INVALID: { vi: 'Tệp danh bạ đơn vị %s không hợp lệ:\n%s', en: 'The contacts file %s is invalid:\n%s', status: 500, retriable: false },
  TH_ERR_BUS_CLOSED: { vi: 'Kênh sự kiện đã đóng', en: 'The event bus is closed', status: 503, retriable: false },
  TH_ERR_UNAUTHORIZED: { vi: 'Cần mã truy cập hợp lệ (Authorization: Bearer …)', en: 'A valid access token is required (Authorization: Bearer …)', status: 401, retriable: false },
  TH_ERR_FORBIDDEN: { vi: 'Không có quyền: %s', en: 'Not allowed: %s', status: 403, retriable: false },
  TH_ERR_NOT_FOUND: { vi: 'Không tìm thấy: %s', en: 'Not found: %s', status: 404, retriable: false },
  TH_ERR_INVALID_REQUEST: { vi: 'Yêu cầu không hợp lệ: %s', en: 'Invalid request: %s', status: 400, retriable: false },
  TH_ERR_CONFLICT: { vi: 'Đã có: %s', en: 'Already exists: %s', status: 409, retriable: false },
  TH_ERR_QUERY_INVALID: { vi: 'Câu truy vấn SQL không đúng cú pháp: %s', en: 'The SQL query does not parse: %s', status: 400, retriable: false },
  TH_ERR_QUERY_REFUSED: { vi: 'Câu truy vấn bị từ chối (chỉ cho phép một câu SELECT đọc các bảng tổng hợp): %s', en: 'Query refused (only one SELECT over the consolidated tables is allowed): %s', status: 400, retriable: false },
  TH_ERR_QUERY_FAILED: { vi: 'Câu truy vấn lỗi khi chạy: %s', en: 'The query failed: %s', status: 400, retriable: false },
  TH_ERR_QUERY_TIMEOUT: { vi: 'Câu truy vấn chạy quá %s ms và đã bị dừng', en: 'The query ran longer than %s ms and was stopped', status: 408, retriable: false },
  TH_ERR_INTERNAL: { vi: 'Lỗi nội bộ của máy chủ: %s', en: 'Internal server error: %s', status: 500, retriable: true },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof definitions;
export const ERROR_CODES = Object.keys(definitions) as ErrorCode[];

export function errorDefinition(code: ErrorCode): ErrorDefinition {
  return definitions[code];
}

function format(template: string, args: readonly (string | number)[]): string {
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++] ?? ''));
}

/** `tonghopError('TH_ERR_EMPTY_FILE', ['a.pdf'])` → a TonghopError with both languages filled in. */
export function tonghopError(code: ErrorCode, args: readonly (string | number)[] = [], cause?: unknown): TonghopError {
  const def = definitions[code];
  return new TonghopError(code, { vi: format(def.vi, args), en: format(def.en, args) }, { retriable: def.retriable, status: def.status, cause });
}
