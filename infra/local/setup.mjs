// `npm test` begins here: dependencies, the Temporal binaries and the browser of the console's test.
import { ensureBrowser } from './browser.mjs';
import { ensureDocumentFont } from './fonts.mjs';
import { ensureDependencies, temporalCli, temporalTestServer, log } from './tools.mjs';

ensureDependencies();
log(`temporal CLI: ${temporalCli()}`);
log(`temporal test server: ${temporalTestServer()}`);
ensureBrowser();
ensureDocumentFont();
