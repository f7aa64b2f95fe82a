import { describe, expect, it } from 'vitest';
import { escapeHtml, markNumbers, renderEmail } from '../../../services/notifier/alert-email.ts';
import { aboutFlag, flagAlert } from '../../../services/notifier/alert-content.ts';
import { flag } from '../../support/flag-builder.ts';

describe('alert e-mail', () => {
  it('escapes HTML in every text it takes from a report, and marks numbers without touching entities', () => {
    expect(escapeHtml(`<b>"x" & 'y'</b>`)).toBe('&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
    expect(markNumbers(`tỷ lệ 41,93% <script>'39'</script> và 15,08 tỷ`))
      .toBe('tỷ lệ <mark>41,93%</mark> &lt;script&gt;&#39;<mark>39</mark>&#39;&lt;/script&gt; và <mark>15,08</mark> tỷ');
    const f = flag({
      message: { vi: 'Sai <img src=x onerror=alert(1)>', en: 'Wrong <img>' },
      evidence: [{ reportId: 'b'.repeat(64), page: 7, quote: 'Tổng 1.234 <br> "trên 15,08 tỷ"' }],
    });
    const alert = flagAlert('alert:x:90001:1', 'alert', aboutFlag(f, 'raised', 'Xã <Một>'), { unit: '90001', unitName: 'Xã <Một>', role: 'owner' });
    const { html, text, subject } = renderEmail(alert);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<br>');
    expect(html).not.toContain('<Một>');
    expect(html).toContain('Sai &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Tổng <mark>1.234</mark> &lt;br&gt; &quot;trên <mark>15,08</mark> tỷ&quot;');
    expect(html).toContain('Trích dẫn, trang 7');
    expect(text).toContain('Sai <img src=x onerror=alert(1)>'); // plain text stays as written
    expect(subject).toMatch(/^\[tonghop\] Xã <Một> \(90001\): lỗi — rate\.ho_so_dung_han \/ Xã <Một> \(90001\): error/);
  });

  it('normalises decomposed Vietnamese (NFD) to NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const f = flag({ message: { vi: nfd('Tỷ lệ không khớp'), en: 'Rate mismatch' }, evidence: [{ reportId: 'c'.repeat(64), page: 1, quote: nfd('đạt 89,39%') }] });
    const alert = flagAlert('alert:y:90001:1', 'alert', aboutFlag(f, 'raised', nfd('Xã Quảng Ngạn')), { unit: '90001', unitName: nfd('Xã Quảng Ngạn'), role: 'owner' });
    const mail = renderEmail(alert);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).toBe(part.normalize('NFC'));
      expect(part).toContain('Xã Quảng Ngạn');
    }
    expect(mail.text).toContain('Tỷ lệ không khớp');
  });
});
