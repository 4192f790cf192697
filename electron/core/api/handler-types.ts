import type { CommandName } from '../../../shared/contract';
import type { Handler } from './dispatch';

/** The handlers for one feature's commands, e.g. `FeatureHandlers<keyof typeof peopleCommands>`. */
export type FeatureHandlers<K extends CommandName> = { [P in K]: Handler<P> };
