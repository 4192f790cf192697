import { bridge } from './api';

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    // readEntries answers in batches (about 100 at a time in Chromium) until it returns an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function collect(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await collect(child, out);
  }
}

/**
 * The files of a drop. Electron resolves a dropped folder to its path and imports it recursively;
 * a browser cannot upload a folder, so there we walk it and send each file.
 * Must be called synchronously inside the drop handler: the DataTransfer is emptied afterwards.
 */
export function filesFromDrop(data: DataTransfer): Promise<File[]> {
  if (bridge.platform === 'electron') return Promise.resolve([...data.files]);
  const entries = [...data.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Promise.resolve([...data.files]);
  return (async () => {
    const files: File[] = [];
    for (const entry of entries) await collect(entry, files);
    return files;
  })();
}
