import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import PDFDocument from 'pdfkit';

/** Debian's fonts-noto-cjk, which the set-up and the worker's image install. */
export const DEFAULT_DOCUMENT_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const INSTALL_HINT = 'apt-get install fonts-noto-cjk';

/** pdfkit's parsed face (fontkit): what `registerFont` accepts besides a path or bytes. */
interface ParsedFace {
  layout: (text: string) => unknown;
  hasGlyphForCodePoint: (codePoint: number) => boolean;
}

/** The CJK font the PDF embeds (subset), read and parsed once per process. */
export interface DocumentFont {
  path: string;
  /** The face inside a collection (.ttc), e.g. NotoSerifCJKsc-Regular. */
  family: string | undefined;
  face: ParsedFace;
}

const loaded = new Map<string, DocumentFont>();

/**
 * The font named by `DOCUMENT_FONT` (a .ttf, .otf or .ttc) and `DOCUMENT_FONT_FAMILY`, else Debian's
 * Noto Serif CJK. Cached: parsing a 25 MB collection for every document would cost more than the
 * rendering itself.
 */
export function loadDocumentFont(env: NodeJS.ProcessEnv = process.env): DocumentFont {
  const configured = env['DOCUMENT_FONT']?.trim();
  const path = configured || DEFAULT_DOCUMENT_FONT;
  const family = env['DOCUMENT_FONT_FAMILY']?.trim() || defaultFamily(path);
  const key = `${path}#${family ?? ''}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const source = configured ? `DOCUMENT_FONT=${path}` : `the default font ${path} (DOCUMENT_FONT is unset)`;
  const font = { path, family, face: parse(path, family, source) };
  loaded.set(key, font);
  return font;
}

function parse(path: string, family: string | undefined, source: string): ParsedFace {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(
      `${source}: cannot read it (${(error as Error).message}); ${INSTALL_HINT}, or set DOCUMENT_FONT to a CJK .ttf/.otf/.ttc`,
    );
  }
  if (extname(path).toLowerCase() === '.ttc' && !family)
    throw new Error(`${source} is a collection: set DOCUMENT_FONT_FAMILY to the face to use (e.g. NotoSerifCJKsc-Regular)`);
  let face: ParsedFace;
  try {
    // A scratch document parses the face the way pdfkit will embed it; later documents reuse it.
    const scratch = new PDFDocument({ autoFirstPage: false });
    if (family) scratch.font(bytes, family);
    else scratch.font(bytes);
    face = (scratch as unknown as { _font: { font: ParsedFace } })._font.font;
  } catch (error) {
    const which = family ? `DOCUMENT_FONT_FAMILY=${family} in ${source}` : source;
    throw new Error(`${which}: not a usable font (${(error as Error).message}); ${INSTALL_HINT}, or set DOCUMENT_FONT`);
  }
  if (![...'纪〔号'].every((char) => face.hasGlyphForCodePoint(char.codePointAt(0) as number)))
    throw new Error(`${source} has no Chinese glyphs; ${INSTALL_HINT}, or set DOCUMENT_FONT to a CJK font`);
  return face;
}

/** Debian's Noto CJK collections hold a face per region; the simplified-Chinese one is named …CJKsc-<weight>. */
function defaultFamily(path: string): string | undefined {
  const noto = /^Noto(Serif|Sans)CJK-(\w+)\.ttc$/.exec(basename(path));
  return noto ? `Noto${noto[1]}CJKsc-${noto[2]}` : undefined;
}
