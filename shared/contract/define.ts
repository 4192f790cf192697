import type { z } from 'zod';

/** A command: its input schema (validated at every boundary) and, as a type only, its result. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom field carrying the result type; never set at run time. */
  readonly __result?: O;
}

export function command<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): CommandSpec<I, O> {
      return { input };
    },
  };
}
