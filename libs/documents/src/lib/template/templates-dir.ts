import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the worker's build copies `libs/documents/templates` (see apps/worker/webpack.config.js). */
export const BUNDLED_TEMPLATES_DIR = 'document-templates';

/**
 * The templates to load: `DOCUMENT_TEMPLATES_DIR` when set (a commission's own wording), else the
 * shipped ones. In the worker's bundle every module's `__dirname` is the folder of main.js, where
 * the build copied them; from source (Jest, ts-node) they sit in this library.
 */
export function defaultDocumentTemplatesDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['DOCUMENT_TEMPLATES_DIR']?.trim();
  if (configured) return configured;
  const bundled = join(__dirname, BUNDLED_TEMPLATES_DIR);
  return existsSync(bundled) ? bundled : join(__dirname, '../../../templates');
}
