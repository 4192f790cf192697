import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { DefaultExiftoolArgs, ExifTool, exiftoolPath } from 'exiftool-vendored';
import type { Library } from '../library';

/**
 * Runs exiftool under a small Perl guard that ends it when ClearFrame is gone. exiftool in -stay_open
 * mode polls its closed input forever once the process that fed it dies without ending it (a crash, a
 * kill -9); the guard notices its parent change and takes exiftool with it. (Windows runs the bundled
 * exiftool.exe without the guard.)
 */
const guard = `
use POSIX ':sys_wait_h';
my $parent = getppid();
my $child = fork() // die "fork: $!";
if ($child == 0) { exec { $^X } $^X, @ARGV or exit 127 }
$SIG{TERM} = $SIG{INT} = $SIG{HUP} = sub { kill 'TERM', $child; waitpid($child, 0); exit 0 };
while (1) {
  exit($? >> 8) if waitpid($child, WNOHANG) == $child;
  if (getppid() != $parent) { kill 'TERM', $child; waitpid($child, 0); exit 0 }
  select(undef, undef, undef, 0.5);
}`;

function guardedExifTool(): ExifTool {
  const options = { maxProcs: Math.max(1, availableParallelism()), taskTimeoutMillis: 60_000 };
  if (process.platform === 'win32') return new ExifTool(options);
  return new ExifTool({
    ...options,
    processFactory: async () =>
      spawn('perl', ['-e', guard, await exiftoolPath(), ...DefaultExiftoolArgs], { stdio: 'pipe', env: { ...process.env, LANG: 'C' } }),
  });
}

const instances = new WeakMap<Library, ExifTool>();

/**
 * One exiftool per open library: starting its Perl process costs about a third of a second, so an
 * export of hundreds of files shares it, and the library ends it when it closes.
 */
export function exifToolOf(lib: Library): ExifTool {
  let tool = instances.get(lib);
  if (!tool) {
    const created = guardedExifTool();
    tool = created;
    instances.set(lib, created);
    lib.onClose(async () => {
      instances.delete(lib);
      await created.end();
    });
  }
  return tool;
}

/** Ends the library's exiftool now (the command line does, before it exits); the next use starts a new one. */
export async function endExifTool(lib: Library): Promise<void> {
  const tool = instances.get(lib);
  instances.delete(lib);
  await tool?.end();
}
