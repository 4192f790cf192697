/**
 * Run by media-resume.test.ts as a separate process that the test kills with SIGKILL part-way:
 * opens the library as the CLI does (recovering interrupted imports first) and imports a folder.
 * Usage: npx tsx tests/integration/media-crash-child.ts <library> <folder>
 */
import { openLibrary } from '../../electron/core/library';
import { recoverInterruptedImports, startMediaImport } from '../../electron/core/media/import-service';

const [home, folder] = process.argv.slice(2);
const lib = openLibrary(home!);
recoverInterruptedImports(lib);
const { batchId, done } = startMediaImport(lib, { actor: 'crash-test' }, [folder!]);
process.stdout.write(`batch ${batchId}\n`);
const report = await done;
process.stdout.write(`finished ${report.imported}\n`);
lib.close();
