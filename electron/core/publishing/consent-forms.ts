import { writeFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import PDFDocument from 'pdfkit';
import { recordInForce, requiredGiver } from '../../../shared/domain/consent';
import { endOfSchoolYear, todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { Channel, ConsentRecord, IsoDate, Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { formTexts, type FormLanguage } from './form-texts';

interface FormPage {
  person: Person;
  history: ConsentRecord[];
}

/**
 * The yearly reconfirmation round (consent lifecycle): one printable page per pupil of a class, with every
 * channel and a yes/no box, the answer on record now, and who must sign (the pupil from 16).
 */
export async function consentForms(
  lib: Library,
  ctx: RequestContext,
  req: { classId: number; language: FormLanguage; outFile?: string },
): Promise<{ file: string | null; pages: number; pdfBase64: string | null }> {
  const cls = lib.repos.schools.getClass(req.classId);
  if (!cls) throw new ClearFrameError('not_found', `There is no class ${req.classId}.`);
  if (req.outFile !== undefined && !isAbsolute(req.outFile)) throw new ClearFrameError('invalid_input', `The form file must be a full path, not "${req.outFile}".`);
  const school = lib.repos.schools.listSchools().find((s) => s.id === cls.schoolId)!;
  const pupils = lib.repos.people.list({ classId: cls.id }).filter((p) => p.role === 'pupil');
  if (pupils.length === 0) throw new ClearFrameError('not_found', `Class ${cls.name} has no pupils, so there are no forms to print.`);
  const history = lib.repos.consent.historyOfClass(cls.id);
  const pages = pupils.map((person) => ({ person, history: history.filter((r) => r.personId === person.id) }));
  const pdf = await renderForms(pages, lib.repos.channels.list(), { school: school.name, className: cls.name, date: todayIso(), language: req.language });
  if (req.outFile !== undefined) {
    await writeFile(req.outFile, pdf).catch((err: NodeJS.ErrnoException) => {
      throw new ClearFrameError('io_error', `The forms cannot be written to ${req.outFile} (${err.code ?? err.message}).`);
    });
  }
  lib.transaction(() =>
    lib.repos.audit.append(ctx.actor, 'consent.forms_printed', `class:${cls.id}`, { pupils: pupils.map((p) => p.id), file: req.outFile ?? null }),
  );
  return { file: req.outFile ?? null, pages: pages.length, pdfBase64: req.outFile === undefined ? pdf.toString('base64') : null };
}

function renderForms(pages: FormPage[], channels: Channel[], meta: { school: string; className: string; date: IsoDate; language: FormLanguage }): Promise<Buffer> {
  const t = formTexts[meta.language];
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false, info: { Title: `${t.title} — ${meta.school} ${meta.className}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const until = endOfSchoolYear(meta.date);
  for (const { person, history } of pages) {
    doc.addPage();
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('Helvetica').fontSize(10).fillColor('#555').text(meta.school, left, doc.page.margins.top);
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#000').text(t.title).moveDown(0.5);
    doc.font('Helvetica').fontSize(10).text(t.intro, { width }).moveDown();
    doc.fontSize(11).text(`${t.pupil}: ${person.firstName} ${person.lastName}`);
    doc.text(`${t.class}: ${meta.className}`);
    if (person.dateOfBirth) doc.text(`${t.born}: ${person.dateOfBirth}`);
    doc.text(`${t.validUntil}: ${until}`).moveDown();

    const cols = { channel: left, yes: left + width * 0.55, no: left + width * 0.67, now: left + width * 0.79 };
    doc.font('Helvetica-Bold').fontSize(10);
    const headY = doc.y;
    doc.text(t.channel, cols.channel, headY).text(t.yes, cols.yes, headY).text(t.no, cols.no, headY).text(t.now, cols.now, headY);
    doc.font('Helvetica');
    let y = headY + 20;
    for (const channel of channels) {
      const record = recordInForce(history, channel.key, meta.date);
      doc.text(channel.name, cols.channel, y, { width: width * 0.5 });
      doc.lineWidth(1).strokeColor('#000').rect(cols.yes, y - 1, 11, 11).stroke().rect(cols.no, y - 1, 11, 11).stroke();
      doc.fillColor('#555').text(t.states[record?.status ?? 'none'], cols.now, y).fillColor('#000');
      y += 22;
    }
    y += 30;
    const giver = requiredGiver(person, meta.date);
    doc.text(t.signedBy[giver], left, y);
    doc.text(t.date, left + width * 0.6, y);
    doc.moveTo(left, y + 40).lineTo(left + width * 0.5, y + 40).stroke();
    doc.moveTo(left + width * 0.6, y + 40).lineTo(left + width, y + 40).stroke();
  }
  doc.end();
  return done;
}
