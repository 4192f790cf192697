import type { PdfReport } from '../../../shared/contract/reports';
import { addDays, todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { finishReport, heading, margin, startReport, table } from './report-pdf';

const takeDownWords = { none: 'no', pending: 'TO TAKE DOWN', done: 'taken down' } as const;

/**
 * The publication register for a period as a PDF: a summary per channel, then each publication with its
 * files and the people it shows (visible, or blurred) and whether it must come down. Made from the
 * register itself, so it lists exactly what the export wrote. Making it is an audit entry.
 */
export async function publicationsReport(lib: Library, ctx: RequestContext, from: string, to: string): Promise<PdfReport & { publications: number }> {
  if (to < from) throw new ClearFrameError('invalid_input', `The end day ${to} is before the start day ${from}.`);
  const until = addDays(to, 1);
  const found = lib.repos.publications.list({}, todayIso()).filter((p) => p.createdAt >= from && p.createdAt < until);
  const channelName = new Map(lib.repos.channels.list().map((c) => [c.key, c.name]));
  const personName = (id: number) => {
    const p = lib.repos.people.get(id);
    return p ? `${p.firstName} ${p.lastName}` : `person ${id} (erased)`;
  };
  const doc = startReport({
    title: 'Publications',
    subtitle: `Exports to a channel from ${from} to ${to} (UTC days): ${found.length} publication${found.length === 1 ? '' : 's'}.`,
    madeBy: ctx.actor,
    layout: 'portrait',
  });
  const perChannel = new Map<string, { publications: number; files: number; pending: number }>();
  for (const p of found) {
    const c = perChannel.get(p.channel) ?? { publications: 0, files: 0, pending: 0 };
    perChannel.set(p.channel, { publications: c.publications + 1, files: c.files + p.files.length, pending: c.pending + (p.takeDown === 'pending' ? 1 : 0) });
  }
  heading(doc, 'Per channel');
  table(
    doc,
    [
      { title: 'Channel', width: 200 },
      { title: 'Publications', width: 100 },
      { title: 'Files', width: 100 },
      { title: 'To take down', width: 123 },
    ],
    [...perChannel].map(([k, c]) => [channelName.get(k) ?? k, c.publications, c.files, c.pending]),
  );
  if (found.length === 0) doc.font('Helvetica').fontSize(9).fillColor('#666').text('Nothing was published in this period.', margin, doc.y + 6);
  for (const p of found) {
    heading(doc, `Publication ${p.id}: ${channelName.get(p.channel) ?? p.channel}, ${p.createdAt.slice(0, 10)}`);
    const facts: [string, string][] = [
      ['In the name of', p.identityName],
      ['Exported by', `${p.createdBy} at ${p.createdAt.slice(0, 16).replace('T', ' ')} UTC; consent checked for ${p.decisionDate}`],
      ['Post', p.postUrl ?? 'no link recorded'],
      ['Take down', p.takeDown === 'done' ? `taken down ${p.takedownDoneAt?.slice(0, 10)} by ${p.takedownDoneBy}` : takeDownWords[p.takeDown]],
    ];
    if (p.withdrawnPeople.length > 0) facts.push(['Consent since withdrawn', p.withdrawnPeople.map(personName).join(', ')]);
    table(doc, [{ title: 'Fact', width: 120 }, { title: '', width: 403 }], facts);
    doc.moveDown(0.3);
    table(
      doc,
      [
        { title: 'File', width: 180 },
        { title: 'Media', width: 40 },
        { title: 'Shown', width: 168 },
        { title: 'Blurred', width: 135 },
      ],
      p.files.map((f) => {
        const inFile = p.people.filter((x) => x.fileIndex === f.index);
        const names = (shown: string) => inFile.filter((x) => x.shown === shown).map((x) => personName(x.personId)).join(', ');
        return [f.fileName.split(/[\\/]/).pop() ?? f.fileName, f.mediaId, names('visible') || 'nobody identifiable', names('blurred')];
      }),
    );
  }
  const { pdf, pages } = await finishReport(doc);
  lib.transaction(() => lib.repos.audit.append(ctx.actor, 'report.publications', 'publications', { from, to, publications: found.length, pages }));
  return { name: `publications-${from}-${to}.pdf`, pdf: pdf.toString('base64'), pages, publications: found.length };
}
