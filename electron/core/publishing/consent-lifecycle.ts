import type { ExpiringConsent, TurningSixteen } from '../../../shared/contract/publishing';
import { recordInForce } from '../../../shared/domain/consent';
import { ownConsentFrom } from '../../../shared/domain/consent';
import { addDays, endOfSchoolYear, todayIso } from '../../../shared/domain/dates';
import type { ConsentGiver, ConsentRecord, IsoDate, Person } from '../../../shared/types';
import type { Library } from '../library';

/**
 * What needs asking again soon: granted consents that end within `days` (or with this school year), and
 * pupils whose 16th birthday falls within `days` — from that day the guardian's answer no longer counts.
 */
export function consentLifecycle(lib: Library, days: number, date: IsoDate = todayIso()): { expiring: ExpiringConsent[]; turningSixteen: TurningSixteen[] } {
  const horizon = addDays(date, days);
  const yearEnd = endOfSchoolYear(date);
  const classes = new Map(lib.repos.schools.listClasses().map((c) => [c.id, c.name]));
  const channels = lib.repos.channels.list().map((c) => c.key);
  const byPerson = new Map<number, ConsentRecord[]>();
  for (const r of lib.repos.consent.all()) (byPerson.get(r.personId) ?? byPerson.set(r.personId, []).get(r.personId)!).push(r);

  const expiring: ExpiringConsent[] = [];
  const turningSixteen: TurningSixteen[] = [];
  for (const person of lib.repos.people.list()) {
    const history = byPerson.get(person.id) ?? [];
    const base = { personId: person.id, externalId: person.externalId, name: nameOf(person), className: person.classId === null ? null : (classes.get(person.classId) ?? null) };
    const inForce = channels.map((c) => recordInForce(history, c, date)).filter((r): r is ConsentRecord => r !== null && r.status === 'granted');
    for (const r of inForce) {
      if (r.validUntil === null || r.validUntil < date || r.validUntil > horizon) continue;
      expiring.push({ ...base, channel: r.channel, validUntil: r.validUntil, schoolYearEnd: r.validUntil === yearEnd });
    }
    const from = ownConsentFrom(person);
    if (from !== null && from > date && from <= horizon) {
      const givers = [...new Set(inForce.map((r) => r.givenBy))].sort() as ConsentGiver[];
      turningSixteen.push({ ...base, ownConsentFrom: from, currentGivers: givers });
    }
  }
  expiring.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.name.localeCompare(b.name) || a.channel.localeCompare(b.channel));
  turningSixteen.sort((a, b) => a.ownConsentFrom.localeCompare(b.ownConsentFrom) || a.name.localeCompare(b.name));
  return { expiring, turningSixteen };
}

const nameOf = (p: Person) => `${p.firstName} ${p.lastName}`;
