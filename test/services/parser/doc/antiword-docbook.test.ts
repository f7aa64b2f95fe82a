import { describe, expect, it } from 'vitest';
import { docBookBlocks } from '../../../../services/parser/doc/antiword-docbook.ts';

/** The shape antiword 0.37 writes with `-x db` (prolog, book title in the wrong encoding, sections). */
const docBook = (body: string) => `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN"
\t"http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">

<book lang='en_US'>
<title>BÃ¡o cÃ¡o</title>
 <bookinfo>
<title>BÃ¡o cÃ¡o</title><date>1600-12-31</date>
 </bookinfo>

 <chapter>
<title/>
${body}
 </chapter>
</book>
`;

describe('docBookBlocks', () => {
  it('drops the prolog and the book metadata, keeps paragraphs and section titles as headings', () => {
    const blocks = docBookBlocks(docBook(`
  <para>
Số: 17/BC-UBND
  </para>
  <sect1>
<title><emphasis role='bold'>I. TÌNH HÌNH TRIỂN KHAI</emphasis></title>
   <para>
Đã tiếp nhận 14.322 hồ sơ, giải quyết đúng hạn 14.283 hồ sơ &amp; trả kết quả.
   </para>
   <para>
<emphasis role='bold'>Phụ lục 1</emphasis>
   </para>
   <para/>
  </sect1>`));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Số: 17/BC-UBND', heading: false },
      { kind: 'paragraph', text: 'I. TÌNH HÌNH TRIỂN KHAI', heading: true },
      { kind: 'paragraph', text: 'Đã tiếp nhận 14.322 hồ sơ, giải quyết đúng hạn 14.283 hồ sơ & trả kết quả.', heading: false },
      { kind: 'paragraph', text: 'Phụ lục 1', heading: true },
    ]);
  });

  it('reads informaltable rows and entries as table cells (through tgroup and tbody)', () => {
    const blocks = docBookBlocks(docBook(`
  <para>
     <informaltable frame='none' colsep='0' rowsep='0'>
      <tgroup cols='3'>
       <colspec colwidth='30.20pt'/>
       <colspec colwidth='181.85pt'/>
       <tbody>
        <row>
         <entry>
STT
         </entry>
         <entry>
Chỉ tiêu
         </entry>
         <entry>
Năm 2015
         </entry>
        </row>
        <row>
         <entry>
1
         </entry>
         <entry>
Số lượng văn bản
         </entry>
         <entry>
13
         </entry>
        </row>
       </tbody>
      </tgroup>
     </informaltable>
  </para>`));
    expect(blocks).toEqual([{
      kind: 'table',
      rows: [
        [{ text: 'STT', colSpan: 1, rowSpan: 1 }, { text: 'Chỉ tiêu', colSpan: 1, rowSpan: 1 }, { text: 'Năm 2015', colSpan: 1, rowSpan: 1 }],
        [{ text: '1', colSpan: 1, rowSpan: 1 }, { text: 'Số lượng văn bản', colSpan: 1, rowSpan: 1 }, { text: '13', colSpan: 1, rowSpan: 1 }],
      ],
    }]);
  });

  it('moves footnotes to the end, keeps superscript marks off numbers, and composes NFD text (the expected text is NFC)', () => {
    const nfd = 'Ủy ban nhân dân xã'.normalize('NFD');
    const blocks = docBookBlocks(docBook(`
  <para>
${nfd} giải quyết 54.599<superscript>1</superscript> hồ sơ<footnote><para>Số liệu đến 30/11.</para></footnote> trong năm.
  </para>
  <para>
Đoạn sau.
  </para>`));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : '(table)'))).toEqual([
      'Ủy ban nhân dân xã giải quyết 54.599¹ hồ sơ trong năm.',
      'Đoạn sau.',
      'Số liệu đến 30/11.',
    ]);
  });
});
