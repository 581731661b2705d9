import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The prebuilt workflow bundle (`nx run workflows:bundle`); WORKFLOW_BUNDLE overrides. */
export function workflowBundlePath(): string {
  const path = resolve(process.env['WORKFLOW_BUNDLE'] ?? 'dist/workflows/workflow-bundle.js');
  if (!existsSync(path)) {
    throw new Error(`workflow bundle not found at ${path}: run "npx nx run workflows:bundle" or set WORKFLOW_BUNDLE`);
  }
  return path;
}
