import { html } from 'lit';
import type { CityInfo, Me } from '../../../shared/types.js';
import { t } from '../../../shared/i18n/core.js';
import type { Tab } from './console-bar.js';
import type { OpsView } from './ops-data.js';
import './units-board.js';
import './sirens-board.js';
import './requests-queue.js';
import './registrations-view.js';
import '../admin/audit-view.js';
import '../admin/staff-view.js';
import '../admin/integrations-view.js';
import '../exports/exports-view.js';

export interface RequestAnswer {
  id: string;
  status?: string;
  reply?: string;
}

/** The console's boards, one per section besides the queue (operator-home renders that). */
export function boardPanel(
  tab: Exclude<Tab, 'queue'>,
  v: OpsView,
  city: CityInfo,
  now: number,
  answer: (a: RequestAnswer) => void,
  me: Me,
) {
  switch (tab) {
    case 'units':
      return html`<sac-units-board
        .units=${v.units}
        .alerts=${v.alerts}
        .city=${city}
        .now=${now}
      ></sac-units-board>`;
    case 'sirens':
      return html`<sac-sirens-board
        .sirens=${v.sirens}
        .alerts=${v.alerts}
        .city=${city}
        .now=${now}
      ></sac-sirens-board>`;
    case 'requests':
      return html`<sac-requests-queue
        .requests=${v.requests}
        .city=${city}
        @answer=${(e: CustomEvent<RequestAnswer>) => answer(e.detail)}
      ></sac-requests-queue>`;
    case 'registrations':
      return html`<sac-registrations .city=${city}></sac-registrations>`;
    case 'observatory':
      // Its own chunk (with the charting library), fetched when the section is first opened;
      // until it arrives the element shows its light-DOM text.
      void import('../observatory/observatory-view.js');
      return html`<sac-observatory .me=${me} .city=${city}>
        <p class="muted">${t('app.loading')}</p>
      </sac-observatory>`;
    case 'exports':
      return html`<sac-exports-view .me=${me} .city=${city}></sac-exports-view>`;
    case 'staff':
      return html`<sac-staff-view></sac-staff-view>`;
    case 'integrations':
      return html`<sac-integrations-view></sac-integrations-view>`;
    case 'audit':
      return html`<sac-audit-view .city=${city}></sac-audit-view>`;
  }
}
