// `npm test` begins here: dependencies, the Temporal binaries, moto, the browser of the console's test, the documents' font and promtool.
import { ensureBrowser } from './browser.mjs';
import { ensureDocumentFont } from './fonts.mjs';
import { ensurePromtool } from './promtool.mjs';
import { ensureDependencies, motoServer, temporalCli, temporalTestServer, log } from './tools.mjs';

ensureDependencies();
log(`temporal CLI: ${temporalCli()}`);
log(`temporal test server: ${temporalTestServer()}`);
log(`S3 test server (moto): ${motoServer()}`);
ensureBrowser();
ensureDocumentFont();
ensurePromtool();
