import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../services/ingest/media-type-sniffer.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';
import { buildZip, minimalDocx } from '../../support/zip-builder.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('sniffMediaType', () => {
  it('accepts a PDF by its header, whatever the file is called', () => {
    expect(sniffMediaType(minimalPdf([['x']]))).toEqual({ accepted: true, mediaType: 'application/pdf', extension: 'pdf' });
  });

  it('accepts a PDF header preceded by a little junk, as PDF readers do', () => {
    expect(sniffMediaType(bytes('\r\n%PDF-1.7\n...'))).toMatchObject({ accepted: true, extension: 'pdf' });
  });

  it('accepts a DOCX: a ZIP holding word/document.xml', () => {
    expect(sniffMediaType(minimalDocx(['Báo cáo']))).toMatchObject({ accepted: true, extension: 'docx' });
  });

  const ole = (stream: string) => new Uint8Array([...bytes('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'), ...new Uint8Array(504), ...Buffer.from(stream, 'utf16le')]);

  it.each([
    ['an XLSX appendix', buildZip([{ name: 'xl/workbook.xml', data: '<x/>' }]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['a Word 97–2003 .doc', ole('WordDocument'), 'application/msword', 'doc'],
    ['a PNG page', bytes('\x89PNG\r\n\x1a\n....'), 'image/png', 'png'],
    ['a JPEG photo', bytes('\xFF\xD8\xFF\xE0'), 'image/jpeg', 'jpg'],
    ['a TIFF scan (little-endian)', bytes('II*\x00\x08\x00'), 'image/tiff', 'tif'],
    ['a TIFF scan (big-endian)', bytes('MM\x00*\x00\x08'), 'image/tiff', 'tif'],
  ])('accepts %s by its content', (_label, input, mediaType, extension) => {
    expect(sniffMediaType(input)).toEqual({ accepted: true, mediaType, extension });
  });

  it.each([
    ['a plain ZIP', buildZip([{ name: 'a.txt', data: 'a' }]), 'ZIP'],
    ['a password-protected DOCX', ole('EncryptedPackage'), 'mật khẩu'],
    ['an Excel 97–2003 .xls', ole('Workbook'), '.xls'],
    ['another OLE file', ole('PowerPoint Document'), 'Office 97–2003'],
    ['HTML', bytes('<!DOCTYPE html><html>'), 'HTML'],
    ['plain text', bytes('Báo cáo số 01'), 'plain text'],
    ['binary junk', bytes('\x00\x01\x02\x03'), 'unknown'],
  ])('refuses %s and says what it looks like', (_label, input, detected) => {
    const result = sniffMediaType(input);
    expect(result.accepted).toBe(false);
    expect(result.accepted ? '' : result.detected).toContain(detected);
  });
});
