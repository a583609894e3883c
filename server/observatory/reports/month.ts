import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { MonthReport } from '../../../shared/observatory-reports.js';
import { addMonths, countedPeriod, monthBounds } from '../../../shared/report-periods.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { dosageFigure } from '../patrol/figure.js';
import { perceptionFigure } from '../perception/figure.js';
import { responseFigure } from '../response/figure.js';
import { reportPrivacy, reportSources } from './sources.js';

/**
 * The month's report for the mayor: the month's figures of every section, city-wide or for
 * one area, each with its own meta. The analyses are the cached ones the observatory's
 * sections ask for, so opening the report after the sections costs little.
 */
export async function monthReport(
  s: Services,
  month: string,
  areaId: string | null,
  today: string,
): Promise<MonthReport> {
  const period = countedPeriod(monthBounds(month), today);
  if (!period) throw new ApiError(404, 'not_found', 'That month has not started yet.');
  const filter: ObservatoryFilter = { from: period.from, to: period.to, type: 'all', areaId };
  const before = monthBounds(addMonths(month, -1));
  const [trends, previous, hotspots, hours, response, dosage, perception] = await Promise.all([
    s.observatory.analyse('trends', filter),
    s.observatory.analyse('trends', { ...filter, ...before }),
    s.observatory.analyse('hotspots', filter, 'count'),
    s.observatory.analyse('hours', filter),
    responseFigure(s, filter, 'area'),
    dosageFigure(s, filter),
    perceptionFigure(s, filter),
  ]);
  return {
    month,
    ...period,
    trends,
    previous: { ...before, n: previous.meta.n },
    hotspots,
    hours,
    response,
    dosage,
    perception,
    sources: reportSources(s, [
      trends.meta,
      hotspots.meta,
      response.meta,
      dosage.meta,
      perception.meta,
    ]),
    privacy: reportPrivacy(s),
  };
}
