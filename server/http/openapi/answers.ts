import { z } from 'zod';
import type { Me, SessionUser } from '../../../shared/types.js';

/**
 * The wire shapes of the answers most clients read first, as schemas for the document. The
 * types live in shared/types.ts; the checks below fail the typecheck when the two part ways.
 */
const role = z.enum(['citizen', 'officer', 'operator', 'analyst', 'admin']);
const point = z.object({ lat: z.number(), lng: z.number() });

export const sessionUserAnswer = z.object({
  id: z.string(),
  role,
  areaId: z.string().nullable(),
  unitId: z.string().nullable(),
});

export const meAnswer = sessionUserAnswer.extend({
  name: z.string(),
  username: z.string(),
  status: z.enum(['pending', 'active', 'suspended', 'rejected']),
  home: point.nullable(),
  showName: z.boolean(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  pendingHome: z
    .object({ address: z.string(), home: point, areaId: z.string(), requestedAt: z.string() })
    .nullable(),
  approvedNotice: z.boolean(),
});

export const loginAnswer = z.object({ token: z.string(), user: sessionUserAnswer });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const _sameSessionUser: Same<z.infer<typeof sessionUserAnswer>, SessionUser> = true;
export const _sameMe: Same<z.infer<typeof meAnswer>, Me> = true;

/** Named in `components.schemas` and referenced where an answer is exactly one of them. */
export const ANSWER_COMPONENTS: Record<string, z.ZodType> = {
  SessionUser: sessionUserAnswer,
  Me: meAnswer,
  Login: loginAnswer,
};
