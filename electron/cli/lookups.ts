import type { Organisation } from '../../shared/contract/people';
import { CliError, exitCodes, usageError } from './cli-error';

/** Schools and classes are named on the command line by school key and class name, as in CSV files. */

export function schoolByKey(org: Organisation, key: string) {
  const school = org.schools.find((s) => s.key === key);
  if (!school) {
    const known = org.schools.map((s) => s.key).join(', ') || 'none yet';
    throw new CliError('not_found', `There is no school with the key "${key}" (known: ${known}).`, exitCodes.failure);
  }
  return school;
}

/** Class names repeat across schools ("Group 8"); a name that is not unique needs the school too. */
export function classByName(org: Organisation, name: string, schoolId: number | undefined) {
  const matches = org.classes.filter((c) => c.name === name && (schoolId === undefined || c.schoolId === schoolId));
  if (matches.length === 0) throw new CliError('not_found', `There is no class named "${name}".`, exitCodes.failure);
  if (matches.length > 1) throw usageError(`Several schools have a class named "${name}": add --school KEY.`);
  return matches[0]!;
}
