import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultChannels } from '../../shared/domain/channels';
import { binPath, runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const tmp = tempRoot('cf-cli-basics-');
afterAll(() => tmp.remove());

describe('help and version', () => {
  it('lists every command of the public interface', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['status', 'import <paths…>', 'media list', 'media set <media>', 'people import <csv>', 'people list', 'channels list']) {
      expect(r.stdout).toContain(`  ${name}`);
    }
    for (const name of ['consent import <csv>', 'consent set <person> <channel> granted|refused|withdrawn', 'consent show <person>']) {
      expect(r.stdout).toContain(`  ${name}`);
    }
    expect(r.stdout).toContain('{"error": {"code", "message"}}');
  });

  it('shows the flags of one command', async () => {
    const r = await runCli(['media', 'set', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--creator NAME', '--rights-holder NAME', '--license KEY', '--credit TEXT']) expect(r.stdout).toContain(flag);
  });

  it('runs from another folder through the absolute bin path, without touching a library', async () => {
    const r = await runCli(['--version'], { cwd: tmp.root });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(binPath, '..', '..', 'package.json'), 'utf8')).version);
    const json = await runCli(['--version', '--json'], { cwd: tmp.root });
    expect(JSON.parse(json.stdout)).toEqual({ version: r.stdout.trim() });
    expect(existsSync(tmp.home)).toBe(false);
  });
});

describe('usage errors exit 2 with one sentence', () => {
  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['consent'], /Name a consent command: import, set, show, expiring, forms\./],
    [['consent', 'sett', 'x'], /Unknown command "consent sett"/],
    [['status', '--verbose'], /Unknown option "--verbose"/],
    [['consent', 'set', 'P1', 'website'], /"consent set" takes <person> <channel>/],
    [['consent', 'show', 'P1', '--date'], /--date needs a value/],
    [['media', 'list', '--kind', 'audio'], /--kind "audio" is not one of: photo, video\./],
    [['media', 'list', '--limit', '0'], /--limit "0" is not a whole number/],
    [[], /Name a command/],
  ])('clearframe %j', async (args, message) => {
    const r = await runCli(['--home', tmp.home, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(sentencePattern);
    expect(r.stderr).toMatch(message);
  });

  it('with --json, stdout is still one JSON document: the error', async () => {
    const r = await runJson(tmp.home, ['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.json).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(/^Unknown command "frobnicate"/) } });
    expect(r.stderr).toMatch(sentencePattern);
  });
});

describe('status and channels', () => {
  it('reports the counts, the library folder and its integrity', async () => {
    const r = await runJson(tmp.home, ['status']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ media: 0, people: 0, consents: 0, library: tmp.home, integrity: 'ok', schema_version: expect.any(Number) });
    expect(existsSync(join(tmp.home, 'library.sqlite'))).toBe(true);
  });

  it('accepts the options for every command before or after the command words', async () => {
    const r = await runCli(['--json', `--home=${tmp.home}`, 'status']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).library).toBe(tmp.home);
  });

  it('takes the library folder from CLEARFRAME_HOME when --home is not given', async () => {
    const home = join(tmp.root, 'from-env');
    const r = await runCli(['status', '--json'], { env: { CLEARFRAME_HOME: home } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).library).toBe(home);
  });

  it('prints friendly text without --json', async () => {
    const r = await runCli(['--home', tmp.home, 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Library\s+.+\nMedia\s+0\nPeople\s+0\nConsent records\s+0\nIntegrity\s+ok\n$/);
  });

  it('lists the channels with the keys other commands take', async () => {
    const r = await runJson(tmp.home, ['channels', 'list']);
    expect(r.code).toBe(0);
    expect(r.json.map((c: { key: string }) => c.key)).toEqual(defaultChannels.map((c) => c.key));
    expect(r.json[0]).toEqual({ key: 'website', name: 'Website', kind: 'external', builtin: true });
  });

  it('refuses a library folder it cannot create, with a sentence and exit 1', async () => {
    const r = await runJson(join(binPath, 'not-a-folder'), ['status']);
    expect(r.code).toBe(1);
    expect(r.json.error).toEqual({ code: 'io_error', message: expect.stringMatching(/^Cannot open the library folder .*ENOTDIR/) });
    expect(r.stderr).toMatch(/^clearframe: /);
  });
});
