/**
 * `npm start`: boots the server (src/server.ts). Node keeps the compiled code of every module it loads,
 * TypeScript already stripped, in its compile cache on disk (node:module `enableCompileCache`, in the
 * OS temporary directory), so a restart skips most of the time it spends compiling some 300 modules.
 * Enabled here, before anything else is imported.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./server.ts');
