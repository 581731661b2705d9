// `npm test` begins here: dependencies, the Temporal binaries, moto, the Node LTS, the browser of the console's test, the documents' font and promtool.
import { ensureBrowser } from './browser.mjs';
import { ensureDocumentFont } from './fonts.mjs';
import { ensurePromtool } from './promtool.mjs';
import { ensureDependencies, ltsNodeBin, motoServer, temporalCli, temporalTestServer, log } from './tools.mjs';

ensureDependencies();
log(`temporal CLI: ${temporalCli()}`);
log(`temporal test server: ${temporalTestServer()}`);
log(`S3 test server (moto): ${motoServer()}`);
log(`Node LTS (the second run of the unit and integration suites): ${ltsNodeBin()}/node`);
ensureBrowser();
ensureDocumentFont();
ensurePromtool();
