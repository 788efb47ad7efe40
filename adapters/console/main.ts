/**
 * `npm run chat`: the terminal session (session.ts), with Node's compile cache on first, as for
 * `npm start` (src/main.ts), so a session opens without compiling every module again.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./session.ts');
