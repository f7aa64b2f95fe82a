import mammoth from 'mammoth';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { LocalizedText } from '../../../schemas/localized-text.ts';
import type { StructuredDocument } from '../document-model.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { parseHtml } from './mammoth-html.ts';
import { layOutPage } from './page-layout.ts';
import { inspectZip, type ZipLimits } from './zip-inspection.ts';

/**
 * DOCX → StructuredDocument (engine `mammoth-html`): one page, paragraphs and tables in document
 * order, every block and cell a span of the page text. Steps: the ZIP's declared sizes are checked
 * (zip-bomb guard) → mammoth converts to HTML → mammoth-html.ts parses it →
 * html-blocks.ts turns elements into text blocks (headings, footnotes, merged and nested cells;
 * the rules are in that file's header) → page-layout.ts places them in the page text.
 *
 * Images are not read: mammoth is given an image converter that returns an empty `src`, so no
 * picture is base64-encoded only to be thrown away. Their number is reported as a warning, since
 * a picture of a table or a scanned page is text this reader cannot see.
 *
 * mammoth's own messages are mostly "unrecognised style" notices (LibreOffice's `Body Text`),
 * which say nothing about the content, so only its errors are passed on as warnings.
 */
const ENGINE = 'mammoth-html';

/** LibreOffice and Word title styles, which mammoth's default style map leaves as plain `<p>`. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export async function readDocxStructure(bytes: Uint8Array, fileName: string, limits?: ZipLimits): Promise<StructuredDocument> {
  inspectZip(bytes, fileName, limits);
  let html: string;
  const warnings: LocalizedText[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
    for (const message of result.messages) {
      if (message.type === 'error') {
        warnings.push({ vi: `Lỗi khi đọc một phần DOCX: ${message.message}`, en: `Part of the DOCX could not be read: ${message.message}` });
      }
    }
  } catch (err) {
    throw tonghopError('TH_ERR_DOCX_CORRUPT', [`${fileName} (${(err as Error)?.message ?? String(err)})`], err);
  }
  const { blocks, images } = htmlToBlocks(parseHtml(html));
  if (images > 0) {
    warnings.push({
      vi: `Tài liệu có ${images} hình ảnh; chữ và số liệu trong hình không được đọc`,
      en: `The document has ${images} image(s); text and figures inside images are not read`,
    });
  }
  return { engine: ENGINE, pages: [layOutPage(blocks, 1, 0)], warnings };
}
