/** Byte rules the signature library does not know or that must win over it; plain Uint8Array, no Node APIs. */

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const EXECUTABLE_SIGNATURES: ReadonlyArray<{ kind: string; bytes: readonly number[] }> = [
  { kind: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'PE/MZ', bytes: [0x4d, 0x5a] },
  { kind: 'Mach-O', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { kind: 'Mach-O', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'Mach-O', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: 'Mach-O', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  // Universal Mach-O binaries and Java classes share this one; both run.
  { kind: 'Mach-O/Java class', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'script', bytes: [0x23, 0x21] },
  { kind: 'script', bytes: [0xef, 0xbb, 0xbf, 0x23, 0x21] },
];

/** The kind of executable `head` starts like, or null. */
export function executableKind(head: Uint8Array): string | null {
  return EXECUTABLE_SIGNATURES.find((signature) => startsWith(head, signature.bytes))?.kind ?? null;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

export function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_LOCAL_HEADER);
}

/**
 * The entry names of the zip local headers found in `head`. The central directory is at the end of
 * the file, out of reach of a head; local headers precede each entry's data, and the entries that
 * tell a format apart (OFD.xml, META-INF/MANIFEST.MF) come first in the files that carry them.
 */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let at = head.indexOf(0x50); at >= 0 && at + 30 <= head.length; at = head.indexOf(0x50, at + 1)) {
    if (!startsWith(head, ZIP_LOCAL_HEADER, at)) continue;
    const nameLength = head[at + 26] | (head[at + 27] << 8);
    if (at + 30 + nameLength > head.length) break;
    names.push(decoder.decode(head.subarray(at + 30, at + 30 + nameLength)));
  }
  return names;
}

/** Zips that are programs: Java archives and Android packages. */
export function isRunnableArchive(entryNames: readonly string[]): boolean {
  return entryNames.some((name) => name === 'META-INF/MANIFEST.MF' || name === 'AndroidManifest.xml' || name === 'classes.dex');
}

// Controls other than tab, LF and CR, including DEL and the C1 range (which only binary turns into).
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const TEXT_CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/u;

/**
 * The charset `head` reads as plain text in: UTF-8, else GB18030 (what Chinese Windows still saves
 * "ANSI" text in), or null when neither decodes it without control characters. `complete` says the
 * head is the whole file; otherwise a character cut at its end is not held against it.
 */
export function textCharset(head: Uint8Array, complete: boolean): 'utf-8' | 'gb18030' | null {
  for (const charset of ['utf-8', 'gb18030'] as const) {
    const text = decodeStrictly(charset, head, complete);
    if (text !== null && !TEXT_CONTROLS.test(text)) return charset;
  }
  return null;
}

function decodeStrictly(charset: string, bytes: Uint8Array, complete: boolean): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return null;
  }
}
