import { z } from 'zod';

/** `{"ok":true}`: the answer of an action that has nothing else to say. */
export const okAnswer = z.object({ ok: z.literal(true) });

export const ID = { id: 'the id' } as const;
