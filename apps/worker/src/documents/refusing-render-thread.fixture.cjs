// A render thread for document-renderer.spec.ts that cannot start, as one without its font.
require('node:worker_threads').parentPort.postMessage({ type: 'failed-to-start', message: 'no font here' });
