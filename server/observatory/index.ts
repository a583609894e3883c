import path from 'node:path';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import type { City } from '../city/city.js';
import type { Config } from '../config.js';
import type { Storage } from '../storage/storage.js';
import { ObservatoryService } from './service.js';
import { AnalysisThread } from './worker.js';

export { observatoryRoutes } from './routes.js';
export { ObservatoryService } from './service.js';

/** The observatory as the server runs it: the analyses on their own thread, cached. */
export function createObservatory(d: {
  config: Pick<Config, 'dataDir'>;
  storage: Storage;
  city: City;
  now?: () => Date;
}): ObservatoryService {
  const runner = new AnalysisThread(path.join(d.config.dataDir, 'sac.db'), {
    areas: d.city.areas,
    observatory: d.city.observatory,
    timeZone: CITY_TIME_ZONE,
  });
  return new ObservatoryService({
    store: d.storage.observatory,
    runner,
    now: d.now ?? (() => new Date()),
  });
}
