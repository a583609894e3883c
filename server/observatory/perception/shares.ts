import { ANSWERS, CONVERSATION_QUESTIONS, type Answer } from '../../../shared/conversations.js';
import type { CellShape } from '../../../shared/observatory.js';
import type { PerceptionResult, Share } from '../../../shared/observatory-evaluation.js';
import { MIN_ANSWERS, shareOf } from '../evaluation/wilson.js';

/** One conversation as the figure reads it: its answers and where it was held (never who, never the note). */
export interface Answered {
  answers: Partial<Record<string, string>>;
  areaId: string | null;
  /** the study region's cell holding it, null without a location or outside the region */
  cell: CellShape | null;
}

type Tally = Record<Answer, number>;
const empty = (): Tally => ({ yes: 0, no: 0, unsure: 0 });
const isAnswer = (a: unknown): a is Answer => (ANSWERS as readonly unknown[]).includes(a);

/** Each answer's share of the question's answers, with 95 % Wilson intervals; withheld below `min`. */
export function sharesOf(t: Tally, min = MIN_ANSWERS): Record<Answer, Share> {
  const n = t.yes + t.no + t.unsure;
  return {
    yes: shareOf(t.yes, n, min),
    no: shareOf(t.no, n, min),
    unsure: shareOf(t.unsure, n, min),
  };
}

/**
 * Per question: the whole set, per area and per grid cell. A conversation counts for a
 * question only where the question was answered (an officer may skip one); an answer that is
 * not yes / no / unsure (an older client, a hand edit) is not counted.
 */
export function perceptionQuestions(
  rows: readonly Answered[],
  min = MIN_ANSWERS,
): PerceptionResult['questions'] {
  return CONVERSATION_QUESTIONS.map((question) => {
    const total = empty();
    const areas = new Map<string, Tally>();
    const cells = new Map<string, { shape: CellShape; tally: Tally }>();
    for (const r of rows) {
      const a = r.answers[question];
      if (!isAnswer(a)) continue;
      total[a]++;
      if (r.areaId) {
        const t = areas.get(r.areaId) ?? empty();
        t[a]++;
        areas.set(r.areaId, t);
      }
      if (r.cell) {
        const c = cells.get(r.cell.id) ?? { shape: r.cell, tally: empty() };
        c.tally[a]++;
        cells.set(r.cell.id, c);
      }
    }
    const answers = (t: Tally) => t.yes + t.no + t.unsure;
    return {
      question,
      total: sharesOf(total, min),
      areas: [...areas.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([areaId, t]) => ({ areaId, answers: answers(t), shares: sharesOf(t, min) })),
      cells: [...cells.values()]
        .sort((a, b) => (a.shape.id < b.shape.id ? -1 : a.shape.id > b.shape.id ? 1 : 0))
        .map(({ shape, tally }) => ({
          ...shape,
          answers: answers(tally),
          shares: sharesOf(tally, min),
        })),
    };
  });
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Perception against incidents. Per area with at least `min` answers to "do you feel safe at
 * night?": the share answering "no", and incidents per 1,000 registered households (an area
 * without households has no rate and is left out). Each is cut at the median of the areas
 * taking part: at or above it is "unsafe" / "many". The quadrant "feels unsafe, few incidents"
 * is where lighting or presence may help more than enforcement; "safe, many" where the
 * incidents do not reach the neighbours' sense of the place.
 */
export function perceptionQuadrant(
  answered: ReadonlyMap<string, Tally>,
  incidents: ReadonlyMap<string, number>,
  households: ReadonlyMap<string, number>,
  min = MIN_ANSWERS,
): PerceptionResult['quadrant'] {
  const rows = [...answered.entries()]
    .map(([areaId, t]) => {
      const n = t.yes + t.no + t.unsure;
      const homes = households.get(areaId) ?? 0;
      const count = incidents.get(areaId) ?? 0;
      return { areaId, n, unsafe: shareOf(t.no, n, min), incidents: count, homes };
    })
    .filter((r) => r.n >= min && r.homes > 0)
    .map((r) => ({ ...r, rate: (r.incidents / r.homes) * 1000 }));
  if (rows.length === 0) return [];
  const shareCut = median(rows.map((r) => r.unsafe.x / r.n));
  const rateCut = median(rows.map((r) => r.rate));
  return rows
    .sort((a, b) => (a.areaId < b.areaId ? -1 : a.areaId > b.areaId ? 1 : 0))
    .map((r) => {
      const unsafe = r.unsafe.x / r.n >= shareCut;
      const many = r.rate >= rateCut;
      return {
        areaId: r.areaId,
        unsafe: r.unsafe,
        incidents: r.incidents,
        rate: Math.round(r.rate * 100) / 100,
        kind: unsafe ? (many ? 'unsafe_many' : 'unsafe_few') : many ? 'safe_many' : 'safe_few',
      };
    });
}

/** The tally of one question per area, for the quadrant. */
export function tallyByArea(rows: readonly Answered[], question: string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const a = r.answers[question];
    if (!r.areaId || !isAnswer(a)) continue;
    const t = out.get(r.areaId) ?? empty();
    t[a]++;
    out.set(r.areaId, t);
  }
  return out;
}
