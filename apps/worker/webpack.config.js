// The document templates ship next to main.js, where defaultDocumentTemplatesDir() looks for them.
module.exports = require('../../infra/build/webpack-app.cjs')(__dirname, {
  assets: [{ input: 'libs/documents/templates', glob: '*.json', output: 'document-templates' }],
});
