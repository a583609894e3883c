import type { obsPerceptionEs } from './obs-perception.es.js';

export const obsPerceptionEn: Record<keyof typeof obsPerceptionEs, string> = {
  'obs.section.perception': 'Perception',
  'obs.method.wilson_shares':
    "Share of answers with a 95 % Wilson interval; only with {min} answers or more. Officers' conversations with neighbours; the type filter does not apply.",
  'obs.perception.question': 'Question',
  'obs.perception.answer': 'Answer',
  'obs.perception.total': '{answer}: {share} ({ci}) of {n} answers',
  'obs.perception.total_withheld': 'Fewer than {min} answers: the share is not shown.',
  'obs.perception.withheld': 'fewer than {min} answers',
  'obs.perception.ci': '95 % CI {low}–{high} %',
  'obs.perception.type_ignored':
    'The type filter does not apply: conversations are about the place, not an incident.',
  'obs.perception.map': 'Where: share of “{answer}” per {metres} m cell',
  'obs.perception.map_label': 'Map of the share of answers per cell',
  'obs.perception.cell_tip': 'Cell {id}: {share} “{answer}” of {n} answers ({ci})',
  'obs.perception.cell_tip_withheld': 'Cell {id}: {n} answers, fewer than {min}',
  'obs.perception.legend_step': '{from}–{to} % “{answer}”',
  'obs.perception.legend_withheld': 'Fewer than {min} answers (no colour)',
  'obs.perception.areas': 'By neighbourhood',
  'obs.perception.areas_caption': 'By neighbourhood: share of each answer (95 % CI)',
  'obs.perception.col.area': 'Neighbourhood',
  'obs.perception.col.answers': 'Answers',
  'obs.perception.quadrant': 'Perception against incidents',
  'obs.perception.quadrant_intro':
    'Neighbourhoods with {min} answers or more to “Do you feel safe at night?”. Unsafe: the share of “No” is at or above the neighbourhoods’ median; many incidents: the rate per 1,000 registered households is too.',
  'obs.perception.kind.unsafe_many': 'Feels unsafe, many incidents',
  'obs.perception.kind.unsafe_few': 'Feels unsafe, few incidents',
  'obs.perception.kind.safe_many': 'Feels safe, many incidents',
  'obs.perception.kind.safe_few': 'Feels safe, few incidents',
  'obs.perception.hint.unsafe_many': 'Where it shows most: presence and prevention together.',
  'obs.perception.hint.unsafe_few':
    'Where lighting, cleaning or presence may help more than enforcement.',
  'obs.perception.hint.safe_many': 'The incidents do not reach the neighbours’ sense of the place.',
  'obs.perception.hint.safe_few': 'No signal to act on.',
  'obs.perception.quadrant_item':
    '{area}: {share} say “No” · {rate} incidents per 1,000 households',
  'obs.perception.quadrant_empty': 'No neighbourhood',
  'obs.perception.quadrant_none': 'No neighbourhood reaches {min} answers in this period.',
  'obs.perception.export': 'perception',
};
