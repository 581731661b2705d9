// `npm test` and `npm start` begin here: dependencies and Temporal binaries, nothing else.
import { ensureDependencies, temporalCli, temporalTestServer, log } from './tools.mjs';

ensureDependencies();
log(`temporal CLI: ${temporalCli()}`);
log(`temporal test server: ${temporalTestServer()}`);
