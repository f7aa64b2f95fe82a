import { escapeRegExp } from '../../text/vietnamese-text.ts';

/**
 * The names of ministries and of the provincial departments (sở) and district offices (phòng)
 * that mirror them. They are written with one capital (`Bộ Tư pháp`, `Sở Giao thông vận tải`),
 * so a reader that takes capitalised words as a name stops after the first (`Bộ Tư`); this
 * closed list, from the government's structure before and after the 2025 mergers, gives the
 * whole name. Compared without regard to case after the first letter: `Bộ Công Thương`,
 * `Bộ Công thương`.
 */
const FUNCTIONS = [
  'Kế hoạch và Đầu tư', 'Giáo dục và Đào tạo', 'Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường', 'Lao động - Thương binh và Xã hội', 'Lao động, Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch', 'Văn hoá, Thể thao và Du lịch', 'Văn hóa và Thể thao', 'Văn hóa, Thể thao',
  'Khoa học và Công nghệ', 'Thông tin và Truyền thông', 'Giao thông vận tải', 'Dân tộc và Tôn giáo',
  'Tư pháp', 'Tài chính', 'Công Thương', 'Nội vụ', 'Y tế', 'Xây dựng', 'Ngoại vụ', 'Ngoại giao', 'Công an', 'Quốc phòng',
  'Du lịch', 'Dân tộc',
];

const escape = (s: string) => escapeRegExp(s).replace(/\s+/g, '\\s+');

/** `Bộ Tư pháp`, `Sở Giao thông vận tải`, `Phòng Tài chính - Kế hoạch` (the first function named). */
export const STATE_BODY = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:Bộ|Sở|Phòng)\\s+(?:${FUNCTIONS.map(escape).join('|')})(?![\\p{L}\\p{M}])`,
  'giu',
);
