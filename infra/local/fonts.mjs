// The CJK font the documents' PDFs embed (libs/documents): DOCUMENT_FONT, by default Debian's
// Noto Serif CJK from fonts-noto-cjk — installed here, never downloaded when a document renders.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptGet } from './browser.mjs';
import { log } from './tools.mjs';

export const DEFAULT_DOCUMENT_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const PACKAGE = 'fonts-noto-cjk';

/**
 * Installs fonts-noto-cjk when the default font is missing and DOCUMENT_FONT names no other. Never
 * throws: only rendering a PDF needs it, and that fails with its own message naming the package.
 */
export function ensureDocumentFont() {
  if (process.env.DOCUMENT_FONT || existsSync(DEFAULT_DOCUMENT_FONT)) return true;
  const apt = aptGet();
  if (!apt) {
    log(
      `cannot install ${PACKAGE}: apt-get as root is not available; PDF documents will not render until it is installed or DOCUMENT_FONT is set`,
    );
    return false;
  }
  log(`installing ${PACKAGE} (apt-get) for the documents' PDFs…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, ...prefix] = apt;
  const ok =
    spawnSync(command, [...prefix, 'update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 &&
    spawnSync(command, [...prefix, 'install', '-y', '-qq', PACKAGE], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 &&
    existsSync(DEFAULT_DOCUMENT_FONT);
  if (!ok) log(`installing ${PACKAGE} failed; PDF documents will not render until it is installed or DOCUMENT_FONT is set`);
  return ok;
}
