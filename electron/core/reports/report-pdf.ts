import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

export const margin = 36;
const footerSpace = 24;

/**
 * The standard PDF fonts only hold Western European letters (WinAnsi). A letter outside it is written
 * without its accent where it has one (ő → o), else as '?', rather than as a wrong glyph.
 */
export function pdfText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return [...String(value)]
    .map((ch) => {
      if (ch.charCodeAt(0) <= 0xff || '€–—‘’“”•…'.includes(ch)) return ch;
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      return base.length > 0 && [...base].every((c) => c.charCodeAt(0) <= 0xff) ? base : '?';
    })
    .join('');
}

export interface ReportMeta {
  title: string;
  subtitle: string;
  madeBy: string;
  layout: 'portrait' | 'landscape';
}

/** A new A4 report with its title block; pages are buffered so the footer can say "page n of m". */
export function startReport(meta: ReportMeta): Doc {
  const doc = new PDFDocument({ size: 'A4', layout: meta.layout, margin, bufferPages: true, info: { Title: pdfText(meta.title), Creator: 'ClearFrame' } });
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111').text(pdfText(meta.title));
  doc.font('Helvetica').fontSize(10).fillColor('#333').text(pdfText(meta.subtitle));
  doc.fontSize(8).fillColor('#666').text(pdfText(`Made ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by ${meta.madeBy}, from the ClearFrame library.`));
  doc.moveDown(0.8);
  return doc;
}

export function bottom(doc: Doc): number {
  return doc.page.height - margin - footerSpace;
}

/** Starts a new page when `height` does not fit; returns true when it did. */
export function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

export function heading(doc: Doc, text: string): void {
  // Room for the heading and the first rows under it, so it never ends a page alone.
  ensureRoom(doc, 70);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#111').text(pdfText(text), margin, doc.y);
  doc.moveDown(0.3);
}

export interface Column {
  title: string;
  width: number;
}

/** A table with a header row that repeats on every page; cells are clipped to one or two lines. */
export function table(doc: Doc, columns: Column[], rows: (string | number | null)[][], options: { fontSize?: number } = {}): void {
  const size = options.fontSize ?? 8;
  const padding = 3;
  const drawHeader = () => {
    let x = margin;
    const y = doc.y;
    doc.rect(margin, y, columns.reduce((w, c) => w + c.width, 0), size + 2 * padding + 2).fill('#e8e8e8');
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#111');
    for (const c of columns) {
      doc.text(pdfText(c.title), x + padding, y + padding + 1, { width: c.width - 2 * padding, lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + size + 2 * padding + 2;
  };
  ensureRoom(doc, 3 * (size + 2 * padding));
  drawHeader();
  doc.font('Helvetica').fontSize(size);
  for (const [i, row] of rows.entries()) {
    const texts = row.map((v) => pdfText(v));
    const lines = Math.min(2, Math.max(...texts.map((t, j) => Math.ceil(doc.widthOfString(t) / (columns[j]!.width - 2 * padding)) || 1)));
    const height = lines * size * 1.25 + 2 * padding;
    if (ensureRoom(doc, height)) drawHeader();
    const y = doc.y;
    if (i % 2 === 1) doc.rect(margin, y, columns.reduce((w, c) => w + c.width, 0), height).fill('#f6f6f6');
    doc.font('Helvetica').fontSize(size).fillColor('#111');
    let x = margin;
    texts.forEach((t, j) => {
      const w = columns[j]!.width;
      doc.text(t, x + padding, y + padding, { width: w - 2 * padding, height: height - 2 * padding, ellipsis: true });
      x += w;
    });
    doc.y = y + height;
  }
  doc.x = margin;
}

/** Page numbers on every page, then the finished PDF as bytes. */
export function finishReport(doc: Doc): Promise<{ pdf: Buffer; pages: number }> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', fail);
    const range = doc.bufferedPageRange();
    const pages = range.count;
    doc.on('end', () => done({ pdf: Buffer.concat(chunks), pages }));
    for (let i = range.start; i < range.start + pages; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - margin - 10;
      // Writing below the bottom margin would start a new page; lift it for the footer.
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(7).fillColor('#666').text(`Page ${i + 1 - range.start} of ${pages}`, margin, y, { width: doc.page.width - 2 * margin, align: 'right', lineBreak: false });
    }
    doc.end();
  });
}
