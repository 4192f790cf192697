import { parseArgs } from 'node:util';
import { defaultLibraryHome } from '../core/library-paths';
import { startServer } from './server';

/**
 * Runs browser mode until Ctrl+C: `node --import tsx electron/server/main.ts [--home DIR] [--port N]`.
 * scripts/start.js starts this; when started by it, the address also goes to the parent over IPC so it can
 * open the system browser.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { home: { type: 'string' }, port: { type: 'string' } },
  });
  const home = values.home ?? defaultLibraryHome();
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number between 0 and 65535, not "${values.port}".`);
  }
  const server = await startServer({ home, port });
  // scripts/start.js prints the address with the reason for browser mode, and may open the browser.
  if (process.send) process.send({ url: server.url, home });
  else console.log(`ClearFrame is open at ${server.url} (Ctrl+C stops it).\nLibrary folder: ${home}`);

  let stopping = false;
  // Ctrl+C reaches us both from the terminal and relayed by scripts/start.js: close once.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Closing the library…');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by scripts/start.js: if it dies, so do we.
  process.on('disconnect', stop);
}

main().catch((err: unknown) => {
  console.error(`ClearFrame could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
