// `npm test` begins here: dependencies, the Temporal binaries, moto and the browser of the console's test.
import { ensureBrowser } from './browser.mjs';
import { ensureDependencies, motoServer, temporalCli, temporalTestServer, log } from './tools.mjs';

ensureDependencies();
log(`temporal CLI: ${temporalCli()}`);
log(`temporal test server: ${temporalTestServer()}`);
log(`S3 test server (moto): ${motoServer()}`);
ensureBrowser();
