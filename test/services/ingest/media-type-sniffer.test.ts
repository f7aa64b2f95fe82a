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

  it.each([
    ['an XLSX', buildZip([{ name: 'xl/workbook.xml', data: '<x/>' }]), 'Excel XLSX'],
    ['a plain ZIP', buildZip([{ name: 'a.txt', data: 'a' }]), 'ZIP'],
    ['an old .doc / encrypted DOCX', bytes('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest'), 'Word 97–2003'],
    ['a PNG', bytes('\x89PNG\r\n\x1a\n'), 'PNG'],
    ['a JPEG', bytes('\xFF\xD8\xFF\xE0'), 'JPEG'],
    ['HTML', bytes('<!DOCTYPE html><html>'), 'HTML'],
    ['plain text', bytes('Báo cáo số 01'), 'plain text'],
    ['binary junk', bytes('\x00\x01\x02\x03'), 'unknown'],
  ])('refuses %s and says what it looks like', (_label, input, detected) => {
    const result = sniffMediaType(input);
    expect(result.accepted).toBe(false);
    expect(result.accepted ? '' : result.detected).toContain(detected);
  });
});
