import type { ObservatoryFilter } from '../../../shared/observatory.js';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, type TemplateResult } from 'lit';
import type {
  EvaluationMeta,
  PerceptionResult,
  ResponseGrouping,
  ResponseResult,
} from '../../../shared/observatory-evaluation.js';
import { call } from '../../data/api.js';
import { filterQuery } from '../../data/observatory.js';
import { figure, formatNumber, metaLine, type Loadable } from './obs-figure.js';

/** The response-time and perception figures (server/observatory/response, …/perception). */
export const evaluationApi = {
  response: (f: ObservatoryFilter, by: ResponseGrouping) =>
    call<ResponseResult>('GET', `/observatory/response${filterQuery(f, { by })}`),
  perception: (f: ObservatoryFilter) =>
    call<PerceptionResult>('GET', `/observatory/perception${filterQuery(f)}`),
};

/** A link to the CSV with the filter on screen; the session cookie authorises it. */
export const csvUrl = (what: 'response' | 'perception', f: ObservatoryFilter, extra = {}) =>
  `/api/observatory/${what}.csv${filterQuery(f, extra)}`;

/** Seconds as minutes with one decimal, or a dash. */
export const minutes = (seconds: number | null): string =>
  seconds === null ? '—' : formatNumber(seconds / 60, 1);

/** A share as a whole percentage ("68 %"). */
export const percent = (share: number): string => `${formatNumber(share * 100)} %`;

/**
 * `figure()` for this half's figures (their meta names its own methods): loading, an error
 * with a retry, an empty period, or the body.
 */
export function evaluationFigure<T extends { meta: EvaluationMeta }>(
  value: Loadable<T>,
  retry: () => void,
  body: (data: T) => TemplateResult,
): TemplateResult {
  if (value.state !== 'ok') return figure(value, retry, () => html``);
  if (value.data.meta.n === 0)
    return html`<p class="state empty">${tObs('obs.empty')}</p>
      ${metaLine(value.data.meta)}`;
  return body(value.data);
}
