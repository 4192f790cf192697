import type { PdfReport } from '../../../shared/contract/reports';
import type { ConsentState } from '../../../shared/domain/consent';
import { todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { ConsentRecord } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { consentMatrix } from '../services/consent-service';
import { bottom, ensureRoom, finishReport, heading, margin, pdfText, startReport, table, type Doc } from './report-pdf';

/** How each state looks in a cell: a short word a printout keeps when colour is lost, and a colour. */
const looks: Record<ConsentState, { word: string; fill: string; label: string }> = {
  granted: { word: 'yes', fill: '#cdeccf', label: 'granted by the right person and valid' },
  refused: { word: 'no', fill: '#f6c9c4', label: 'refused' },
  withdrawn: { word: 'withdrawn', fill: '#f6c9c4', label: 'withdrawn' },
  expired: { word: 'expired', fill: '#fbe3b0', label: 'granted, but past its end date' },
  needs_pupil: { word: 'ask pupil', fill: '#fbe3b0', label: 'the guardian answered, but the pupil is 16 now and must answer' },
  invalid_giver: { word: 'invalid', fill: '#fbe3b0', label: 'answered by someone who may not give it' },
  none: { word: '-', fill: '#eeeeee', label: 'no answer recorded' },
};

const short = (date: string | null) => (date ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(2, 4)}` : '');

function matrix(doc: Doc, names: string[], rows: { who: string[]; cells: { state: ConsentState; until: string | null }[] }[]): void {
  const fixed = [150, 58, 52];
  const width = doc.page.width - 2 * margin;
  const cellWidth = Math.max(34, (width - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, names.length));
  const rowHeight = 20;
  const header = () => {
    const y = doc.y;
    doc.rect(margin, y, width, 24).fill('#e8e8e8');
    doc.font('Helvetica-Bold').fontSize(7).fillColor('#111');
    let x = margin;
    for (const [i, t] of ['Person', 'Born', 'Answers'].entries()) {
      doc.text(t, x + 3, y + 8, { width: fixed[i]! - 6, lineBreak: false });
      x += fixed[i]!;
    }
    for (const n of names) {
      doc.text(pdfText(n), x + 2, y + 3, { width: cellWidth - 4, height: 20, align: 'center', ellipsis: true });
      x += cellWidth;
    }
    doc.y = y + 24;
  };
  header();
  for (const row of rows) {
    if (doc.y + rowHeight > bottom(doc)) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = margin;
    doc.font('Helvetica').fontSize(8).fillColor('#111');
    row.who.forEach((t, i) => {
      doc.text(pdfText(t), x + 3, y + 6, { width: fixed[i]! - 6, lineBreak: false, ellipsis: true });
      x += fixed[i]!;
    });
    for (const c of row.cells) {
      const look = looks[c.state];
      doc.rect(x + 1, y + 1, cellWidth - 2, rowHeight - 2).fill(look.fill);
      doc.fillColor('#111').font('Helvetica-Bold').fontSize(7).text(look.word, x + 1, y + 3, { width: cellWidth - 2, align: 'center', lineBreak: false });
      if (c.state === 'granted' || c.state === 'expired' || c.state === 'needs_pupil') {
        doc.font('Helvetica').fontSize(6).text(short(c.until), x + 1, y + 11, { width: cellWidth - 2, align: 'center', lineBreak: false });
      }
      x += cellWidth;
    }
    doc.moveTo(margin, y + rowHeight).lineTo(margin + width, y + rowHeight).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
    doc.y = y + rowHeight;
  }
  doc.x = margin;
}

function legend(doc: Doc): void {
  ensureRoom(doc, 90);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(8).fillColor('#111').text('Legend', margin, doc.y);
  for (const look of Object.values(looks)) {
    const y = doc.y + 2;
    doc.rect(margin, y, 40, 10).fill(look.fill);
    doc.fillColor('#111').font('Helvetica-Bold').fontSize(6).text(look.word, margin, y + 2, { width: 40, align: 'center', lineBreak: false });
    doc.font('Helvetica').fontSize(7).text(look.label, margin + 48, y + 1.5, { lineBreak: false });
    doc.y = y + 12;
  }
  doc.font('Helvetica').fontSize(7).fillColor('#444').text('Dates under a cell: the consent is valid until then (day-month-year).', margin, doc.y + 4);
}

const historyColumns = [
  { title: 'Given on', width: 56 },
  { title: 'Channel', width: 90 },
  { title: 'Answer', width: 56 },
  { title: 'Given by', width: 52 },
  { title: 'Valid until', width: 56 },
  { title: 'Recorded', width: 100 },
  { title: 'Note', width: 0 },
];

/**
 * The consent overview of one class as a PDF (landscape A4): one row per person with the state per
 * channel on the day, then each person's full history, oldest first. Making it is an audit entry:
 * a list of pupils' names and answers has left the library.
 */
export async function consentReport(lib: Library, ctx: RequestContext, classId: number, date = todayIso()): Promise<PdfReport & { people: number }> {
  const cls = lib.repos.schools.getClass(classId);
  if (!cls) throw new ClearFrameError('not_found', `There is no class with id ${classId}.`);
  const school = lib.repos.schools.listSchools().find((s) => s.id === cls.schoolId);
  const channels = lib.repos.channels.list();
  const channelName = new Map(channels.map((c) => [c.key, c.name]));
  const m = consentMatrix(lib, classId, date);
  const doc = startReport({
    title: `Consent overview: ${cls.name}`,
    subtitle: `${school?.name ?? ''}, ${m.rows.length} ${m.rows.length === 1 ? 'person' : 'people'}, consent as it stands on ${date}.`,
    madeBy: ctx.actor,
    layout: 'landscape',
  });
  matrix(
    doc,
    m.channels.map((k) => channelName.get(k) ?? k),
    m.rows.map((r) => ({
      who: [`${r.person.lastName}, ${r.person.firstName}${r.person.externalId ? ` (${r.person.externalId})` : ''}`, r.person.dateOfBirth ?? '', r.cells[0]?.requiredGiver ?? ''],
      cells: r.cells.map((c) => ({ state: c.state, until: c.record?.validUntil ?? null })),
    })),
  );
  legend(doc);
  const byPerson = new Map<number, ConsentRecord[]>();
  for (const r of lib.repos.consent.historyOfClass(classId)) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#111').text('History', margin, doc.y);
  const width = doc.page.width - 2 * margin;
  const columns = historyColumns.map((c) => (c.width === 0 ? { ...c, width: width - historyColumns.reduce((w, x) => w + x.width, 0) } : c));
  for (const r of m.rows) {
    heading(doc, `${r.person.firstName} ${r.person.lastName}${r.person.externalId ? ` (${r.person.externalId})` : ''}`);
    const history = byPerson.get(r.person.id) ?? [];
    if (history.length === 0) {
      doc.font('Helvetica').fontSize(8).fillColor('#666').text('No consent recorded.', margin, doc.y);
      continue;
    }
    table(
      doc,
      columns,
      history.map((h) => [h.givenOn, channelName.get(h.channel) ?? h.channel, h.status, h.givenBy, h.validUntil, `${h.recordedAt.slice(0, 10)} ${h.recordedBy}`, h.note]),
    );
  }
  const { pdf, pages } = await finishReport(doc);
  lib.transaction(() => lib.repos.audit.append(ctx.actor, 'report.consent', `class:${classId}`, { date, people: m.rows.length, pages }));
  const name = `consent-${(school?.key ?? 'school').replace(/[^a-z0-9-]/gi, '')}-${cls.name.replace(/[^\p{L}\p{N}-]+/gu, '-')}-${date}.pdf`;
  return { name, pdf: pdf.toString('base64'), pages, people: m.rows.length };
}
