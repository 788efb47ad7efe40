/**
 * `npm run cli`: operator commands (cli-commands.ts), with Node's compile cache on first, as for
 * `npm start` (src/main.ts).
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./cli-commands.ts');
