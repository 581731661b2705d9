// The document templates ship next to main.js, where defaultDocumentTemplatesDir() looks for them.
module.exports = require('../../infra/build/webpack-app.cjs')(__dirname, {
  assets: [{ input: 'libs/documents/templates', glob: '*.json', output: 'document-templates' }],
  // Documents render on worker threads (apps/worker/src/documents/render-thread.ts).
  additionalEntryPoints: [{ entryName: 'render-thread', entryPath: 'apps/worker/src/documents/render-thread.ts' }],
});
