import type { FileType } from '@reform/contracts';
import { fromBuffer } from 'file-type';
import { executableKind, isRunnableArchive, isZip, textCharset, zipEntryNames } from './content-signatures';
import { extensionOf } from './file-name';

/** How many leading bytes the type is told from. */
export const SNIFF_BYTES = 64 * 1024;

export interface SniffedType {
  fileType: FileType;
  contentType: string;
}

const BY_SIGNATURE: Readonly<Record<string, SniffedType>> = {
  pdf: { fileType: 'pdf', contentType: 'application/pdf' },
  jpg: { fileType: 'jpg', contentType: 'image/jpeg' },
  png: { fileType: 'png', contentType: 'image/png' },
  docx: { fileType: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { fileType: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  zip: { fileType: 'zip', contentType: 'application/zip' },
};
const OFD: SniffedType = { fileType: 'ofd', contentType: 'application/ofd' };

/**
 * Word 97–2003 and Excel 97–2003 files are both OLE compound files, told apart only by streams that
 * may sit anywhere in the file; the name's extension decides between them, and a compound file named
 * anything else (an .msi installer, say) is refused.
 */
const COMPOUND_FILE_BY_EXTENSION: Readonly<Record<string, SniffedType>> = {
  doc: { fileType: 'doc', contentType: 'application/msword' },
  xls: { fileType: 'xls', contentType: 'application/vnd.ms-excel' },
};

/**
 * The accepted type `head` (the first SNIFF_BYTES of a file, or all of it when `complete`) holds,
 * or null when it is none of them: executables are refused whatever their name says.
 */
export async function sniffContent(head: Uint8Array, name: string, complete: boolean): Promise<SniffedType | null> {
  if (head.length === 0 || executableKind(head)) return null;
  if (isZip(head)) {
    const entries = zipEntryNames(head);
    if (isRunnableArchive(entries)) return null;
    if (entries.includes('OFD.xml')) return OFD;
  }
  const signature = await fromBuffer(head);
  if (signature) {
    if (signature.ext === 'cfb') return COMPOUND_FILE_BY_EXTENSION[extensionOf(name)] ?? null;
    return BY_SIGNATURE[signature.ext] ?? null;
  }
  const charset = textCharset(head, complete);
  return charset ? { fileType: 'txt', contentType: `text/plain; charset=${charset}` } : null;
}
