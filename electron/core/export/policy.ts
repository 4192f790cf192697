import { defaultDecisionPolicy, type DecisionPolicy } from '../../../shared/domain/decision-policy';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';

const settingKey = 'decision_policy';

/** The admin's publication policy: the defaults ("when in doubt, do not publish") with the admin's changes. */
export function decisionPolicy(lib: Library): DecisionPolicy {
  const stored = lib.repos.settings.get(settingKey);
  return { ...defaultDecisionPolicy, ...(stored ? (JSON.parse(stored) as Partial<DecisionPolicy>) : {}) };
}

export function setDecisionPolicy(lib: Library, ctx: RequestContext, changes: Partial<DecisionPolicy>): DecisionPolicy {
  const before = decisionPolicy(lib);
  const after = { ...before, ...changes };
  lib.transaction(() => {
    lib.repos.settings.set(settingKey, JSON.stringify(after));
    lib.repos.audit.append(ctx.actor, 'export.policy_changed', 'settings:decision_policy', { before, after });
  });
  return after;
}
