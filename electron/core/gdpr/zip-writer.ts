import { open, type FileHandle } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { ClearFrameError } from '../../../shared/result';

const chunkSize = 1024 * 1024;
/** Without ZIP64 every size and offset must fit in 32 bits. */
const zipLimit = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  method: 0 | 8;
  compressed: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A small ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): text is deflated in memory, media files (already
 * compressed) are stored and streamed, so a video never sits in memory whole. Names are UTF-8 (flag bit 11).
 */
export class ZipWriter {
  private entries: Written[] = [];
  private offset = 0;
  private readonly stamp = dosDateTime(new Date());

  private constructor(private readonly file: FileHandle) {}

  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx', 0o600));
  }

  private async write(buffer: Buffer): Promise<void> {
    if (this.offset + buffer.length > zipLimit) {
      throw new ClearFrameError('unsupported', 'The export is larger than 4 GiB, too large for a ZIP file here; export to a folder instead.');
    }
    await this.file.write(buffer);
    this.offset += buffer.length;
  }

  private header(e: Written): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  async addBuffer(name: string, data: Buffer): Promise<void> {
    const compressed = deflateRawSync(data);
    const e: Written = { name: Buffer.from(name, 'utf8'), crc: crc32(data), method: 8, compressed: compressed.length, size: data.length, offset: this.offset };
    await this.write(this.header(e));
    await this.write(compressed);
    this.entries.push(e);
  }

  /** Stores a file as is: one pass for its checksum, one to copy it. */
  async addFile(name: string, path: string): Promise<void> {
    const source = await open(path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(chunkSize);
      let crc = 0;
      let size = 0;
      for (let n; (n = (await source.read(buffer, 0, chunkSize, size)).bytesRead) > 0; size += n) crc = crc32(buffer.subarray(0, n), crc);
      const e: Written = { name: Buffer.from(name, 'utf8'), crc, method: 0, compressed: size, size, offset: this.offset };
      await this.write(this.header(e));
      for (let pos = 0, n; (n = (await source.read(buffer, 0, chunkSize, pos)).bytesRead) > 0; pos += n) await this.write(buffer.subarray(0, n));
      this.entries.push(e);
    } finally {
      await source.close();
    }
  }

  /** Writes the central directory and closes the file; returns its size. */
  async finish(): Promise<number> {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt16LE(this.stamp.time, 12);
      c.writeUInt16LE(this.stamp.date, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE((0o100600 << 16) >>> 0, 38); // a regular file, owner read/write
      c.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await this.file.sync();
    await this.file.close();
    return this.offset;
  }

  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}
