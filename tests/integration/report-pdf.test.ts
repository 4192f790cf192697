import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runJson, tempRoot } from './cli-run';
import { gdprLibrary, type GdprLibrary } from './gdpr-kit';

/**
 * The PDF reports, through the public command line, read back as the text a PDF viewer shows: the
 * consent overview of a class of the demo school, and the publication register of a period.
 */

/** The text drawn on a PDF's pages (pdfkit writes standard-font text as hex strings in TJ arrays of deflated streams). */
function pdfStrings(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start + 7, end)).toString('latin1');
    } catch {
      at = end + 10;
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
    at = end + 10;
  }
  return out.join('\n');
}

const demo = resolve(__dirname, '../../resources/demo');
const root = tempRoot('cf-report-');
let g: GdprLibrary;

beforeAll(async () => {
  expect((await runCli(['--home', root.home, 'people', 'import', join(demo, 'people.csv')])).code).toBe(0);
  expect((await runCli(['--home', root.home, 'consent', 'import', join(demo, 'consents.csv')])).code).toBe(0);
  g = await gdprLibrary('cf-report-pub-');
}, 120_000);
afterAll(() => {
  root.remove();
  g.remove();
});

describe('clearframe report consent', () => {
  it("writes the class's consent per person and channel, a legend and each person's history", async () => {
    const file = join(root.root, 'groep-8.pdf');
    const r = await runJson(root.home, ['report', 'consent', '--class', 'Groep 8', '--school', 'de-linde', '--date', '2026-10-01', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ file, pages: expect.any(Number), people: 6 });
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = pdfStrings(pdf);
    expect(text).toContain('Consent overview: Groep 8');
    expect(text).toContain('consent as it stands on 2026-10-01');
    const people = (await runJson(root.home, ['people', 'list', '--class', 'Groep 8'])).json as { first_name: string; last_name: string }[];
    for (const p of people) {
      expect(text).toContain(`${p.last_name}, ${p.first_name}`);
      expect(text).toContain(`${p.first_name} ${p.last_name}`);
    }
    for (const channel of ['Website', 'Facebook', 'Instagram', 'Legend', 'History', 'withdrawn']) expect(text).toContain(channel);
    expect(text).toMatch(/Page 1 of \d/);
    const logged = await runJson(root.home, ['audit', 'list', '--action', 'report']);
    expect(logged.json).toEqual([expect.objectContaining({ action: 'report.consent', details: { date: '2026-10-01', people: 6, pages: r.json.pages } })]);
  });

  it('refuses to overwrite, and an unknown class', async () => {
    const file = join(root.root, 'groep-8.pdf');
    expect((await runCli(['--home', root.home, 'report', 'consent', '--class', 'Groep 8', '--out', file])).stderr).toMatch(/already exists/);
    const unknown = await runCli(['--home', root.home, 'report', 'consent', '--class', 'Groep 99', '--out', join(root.root, 'x.pdf')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no class named "Groep 99"/);
  });
});

describe('clearframe report publications', () => {
  it('lists each publication of the period with its files and who is shown', async () => {
    const file = join(g.scratch, 'publications.pdf');
    const r = await runJson(g.home, ['report', 'publications', '--from', '2000-01-01', '--to', '2099-12-31', '--out', file]);
    expect(r.json).toEqual({ file, pages: 1, publications: 1 });
    const text = pdfStrings(readFileSync(file));
    expect(text).toContain(`Publication ${g.ids.publication}: Website`);
    expect(text).toMatch(/foundation-website-\d{4}-\d{2}-\d{2}-1\.jpg/);
    expect(text).toContain('Sanne de Vries, Daan de Vries');
  });

  it('says when nothing was published, and refuses a period that ends before it starts', async () => {
    const file = join(g.scratch, 'empty.pdf');
    const r = await runJson(g.home, ['report', 'publications', '--from', '2001-01-01', '--to', '2001-12-31', '--out', file]);
    expect(r.json.publications).toBe(0);
    expect(pdfStrings(readFileSync(file))).toContain('Nothing was published in this period.');
    const backwards = await runCli(['--home', g.home, 'report', 'publications', '--from', '2002-01-01', '--to', '2001-12-31', '--out', join(g.scratch, 'b.pdf')]);
    expect(backwards.code).toBe(2);
  });
});
