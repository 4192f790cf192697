import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { ImportFileError } from './import-failure';

type Tool = 'ffmpeg' | 'ffprobe';

const installerPackage: Record<Tool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

function findOnPath(name: string): string | undefined {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function fromInstaller(tool: Tool): string | undefined {
  try {
    const { path } = createRequire(import.meta.url)(installerPackage[tool]) as { path: string };
    // Inside a packaged app the binary is unpacked next to the asar archive, where it can be executed.
    return path.replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`);
  } catch {
    return undefined;
  }
}

const resolved = new Map<Tool, string>();

/**
 * The system's ffmpeg/ffprobe come first: distributions keep them current, while the npm installer
 * packages ship a 2018 build that stays as the fallback for machines without one.
 */
export function toolPath(tool: Tool): string {
  const known = resolved.get(tool);
  if (known) return known;
  const path = findOnPath(tool) ?? fromInstaller(tool);
  if (!path) {
    throw new ImportFileError('unsupported', { code: 'tool_missing', params: { tool } }, `ClearFrame needs ${tool} to read videos and could not find it. Install ffmpeg and try again.`);
  }
  resolved.set(tool, path);
  return path;
}

export const ffmpegPath = (): string => toolPath('ffmpeg');
export const ffprobePath = (): string => toolPath('ffprobe');
