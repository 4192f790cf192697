/** Longest file name most file systems accept, in bytes. */
const maxNameBytes = 200;

/**
 * Turns a browser-supplied file name into one safe to create inside the upload folder: no folders, no `..`,
 * no control or reserved characters, at most 200 bytes of UTF-8 with the extension kept (import uses it).
 */
export function sanitiseUploadName(raw: string): string {
  let name = raw
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '') name = 'upload';
  if (Buffer.byteLength(name) > maxNameBytes) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    let stem = '';
    let bytes = Buffer.byteLength(ext);
    for (const ch of name.slice(0, name.length - ext.length)) {
      bytes += Buffer.byteLength(ch);
      if (bytes > maxNameBytes) break;
      stem += ch;
    }
    name = stem + ext;
  }
  return name;
}
