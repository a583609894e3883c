import type { ShiftPlan } from '../../shared/plan.js';

/**
 * What the observatory's evaluation keeps beyond the operational records: every shift plan as
 * issued or edited (the unit's room prunes plans two days after they end; the evaluation
 * needs them for as long as the programme runs), the plan generator's randomised trials and
 * other sources imported by analysts. Shapes of the last two grow in their own stores.
 */
/** A plan as the room held it, `trialId` included when it followed a randomised trial. */
export type PlanLogRow = ShiftPlan;

export interface PlanLogStore {
  /** Records a plan as it now stands (insert, or replace after an operator's edit). */
  upsert(plan: PlanLogRow): void;
  /** Plans whose shift starts in [fromIso, toIso), by start then unit. */
  between(fromIso: string, toIso: string): PlanLogRow[];
  /** The start of the earliest plan on record, null before the first. */
  first(): string | null;
}
