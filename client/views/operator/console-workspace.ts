import { html, nothing } from 'lit';
import type { OpenedAlert, OpenedDetail } from '../../../shared/console.js';
import type { CityInfo } from '../../../shared/types.js';
import type { DetailMode, Intent } from './alert-detail.js';
import type { ConsoleAlert, OpsView, QueueFilter } from './ops-data.js';
import { opsMap } from './ops-layers.js';
import type { Viewer } from './presence.js';
import type { QueueSource } from './queue-source.js';
import { cityToday } from './city-day.js';
import './alert-queue.js';
import './alert-detail.js';

/** What the console's queue tab shows, and where what the operator does there goes. */
export interface Workspace {
  view: OpsView;
  city: CityInfo;
  source: QueueSource;
  /** the queue as filtered on screen */
  visible: ConsoleAlert[];
  /** the selected alert, live or from the history page */
  alert: ConsoleAlert | undefined;
  selected: string | null;
  fresh: Set<string>;
  others: Viewer[];
  now: number;
  opened: OpenedDetail | null;
  identity: OpenedAlert | null;
  mode: DetailMode;
  nameOf: (id: string) => string;
  pendingDispatch: string | null;
  select: (id: string | null) => void;
  perform: (intent: Intent) => void;
  onMapSelect: (id: string) => void;
}

/** The queue, the selected alert and the map side by side. */
export function consoleWorkspace(w: Workspace) {
  return html`<div class="workspace ${w.alert ? 'with-detail' : ''}">
    <sac-alert-queue
      .alerts=${w.visible}
      .total=${w.view.alerts.length}
      .live=${w.view.alerts}
      .history=${w.source.history}
      .today=${cityToday(w.now)}
      .city=${w.city}
      .units=${w.view.units}
      .filter=${w.source.filter}
      .selected=${w.selected}
      .fresh=${w.fresh}
      .viewers=${w.others}
      .now=${w.now}
      @select=${(e: CustomEvent<string>) => w.select(e.detail)}
      @filter=${(e: CustomEvent<QueueFilter>) => w.source.setFilter(e.detail)}
      @page=${(e: CustomEvent<number>) => w.source.ask(e.detail)}
    ></sac-alert-queue>
    ${
      w.alert
        ? html`<sac-alert-detail
            .alert=${w.alert}
            .city=${w.city}
            .units=${w.view.units}
            .viewers=${w.others}
            .opened=${w.opened}
            .identity=${w.identity}
            .mode=${w.mode}
            .nameOf=${w.nameOf}
            .now=${w.now}
            .pendingDispatch=${w.pendingDispatch}
            @intent=${(e: CustomEvent<Intent>) => w.perform(e.detail)}
          ></sac-alert-detail>`
        : nothing
    }
    ${opsMap(w.city, {
      alerts: w.visible,
      units: w.view.units,
      sirens: w.view.sirens,
      selected: w.selected,
      onSelect: w.onMapSelect,
    })}
  </div>`;
}
