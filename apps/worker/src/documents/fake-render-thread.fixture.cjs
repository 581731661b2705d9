// A render thread for document-renderer.spec.ts: speaks render-protocol.ts without fonts or PDFs.
// Its "PDF" is the layout's title; a title of "fail" fails the rendering, "exit" ends the thread.
const { parentPort } = require('node:worker_threads');

parentPort.postMessage({ type: 'ready' });

parentPort.on('message', ({ id, layout }) => {
  if (layout.title === 'exit') process.exit(3);
  if (layout.title === 'fail') return parentPort.postMessage({ type: 'render-failed', id, message: 'bad layout' });
  const pdf = new TextEncoder().encode(layout.title);
  parentPort.postMessage({ type: 'rendered', id, pdf, docx: new Uint8Array([id]) }, [pdf.buffer]);
});
