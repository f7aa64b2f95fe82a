import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../services/parser/statements/sentence-splitter.ts';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops followed by a capital, keeping numbers whole', () => {
    expect(sentences('Đã giải quyết 14.322 hồ sơ. Trong đó, đúng hạn 14.283 hồ sơ, đạt tỷ lệ 98,03%.')).toEqual([
      'Đã giải quyết 14.322 hồ sơ.', 'Trong đó, đúng hạn 14.283 hồ sơ, đạt tỷ lệ 98,03%.',
    ]);
  });

  it('keeps a section number with its title', () => {
    expect(sentences('1. Về kế hoạch cải cách hành chính')).toEqual(['1. Về kế hoạch cải cách hành chính']);
    expect(sentences('II. KẾT QUẢ THỰC HIỆN')).toEqual(['II. KẾT QUẢ THỰC HIỆN']);
  });

  it('does not split after abbreviations or inside dotted codes', () => {
    expect(sentences('Phòng Nội vụ TP. Sóc Trăng đã triển khai; cấp ủy PCT.UBND xã theo dõi.')).toEqual([
      'Phòng Nội vụ TP. Sóc Trăng đã triển khai; cấp ủy PCT.UBND xã theo dõi.',
    ]);
  });

  it('keeps enumerations separated by semicolons in one sentence', () => {
    expect(sentences('Có 05 xã: A Ngo; Hồng Kim; Hồng Bắc; Sơn Thủy; Bắc Sơn. Các xã còn lại đạt.')).toEqual([
      'Có 05 xã: A Ngo; Hồng Kim; Hồng Bắc; Sơn Thủy; Bắc Sơn.', 'Các xã còn lại đạt.',
    ]);
  });

  it('returns spans into the original text, trimmed', () => {
    const text = '  Câu một.   Câu hai?  ';
    expect(splitSentences(text)).toEqual([{ start: 2, end: 10 }, { start: 13, end: 21 }]);
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Câu một.', 'Câu hai?']);
  });

  it('does not end a sentence at an ellipsis inside a list', () => {
    expect(sentences('tiết kiệm kinh phí công tác phí,... 606 triệu đồng; mua sắm 122 triệu đồng. Hết… Sau đó')).toEqual([
      'tiết kiệm kinh phí công tác phí,... 606 triệu đồng; mua sắm 122 triệu đồng.', 'Hết…', 'Sau đó',
    ]);
  });

  it('does not split before a lower-case continuation', () => {
    expect(sentences('Tăng 6,5% so với năm 2018. và tiếp tục')).toEqual(['Tăng 6,5% so với năm 2018. và tiếp tục']);
  });
});
