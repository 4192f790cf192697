/** Who is asking. Every audit entry names the actor; profiles and roles refine this later. */
export interface RequestContext {
  actor: string;
}

export const localAdmin: RequestContext = { actor: 'admin' };
