import { html, nothing } from 'lit';
import { isOpenStatus } from '../../../shared/catalogue.js';
import { t } from '../../../shared/i18n/core.js';
import type { OpsView } from './ops-data.js';
import { initials, type Viewer } from './presence.js';
import './stats-bar.js';

export type Tab =
  | 'queue'
  | 'units'
  | 'sirens'
  | 'requests'
  | 'registrations'
  | 'observatory'
  | 'exports'
  | 'staff'
  | 'integrations'
  | 'audit';

export interface BarInput {
  view: OpsView;
  tab: Tab;
  admin: boolean;
  others: Viewer[];
  onTab(tab: Tab): void;
  onHelp(): void;
}

const OPEN_REQUESTS = ['open', 'acknowledged', 'in_progress'];

/**
 * The console's top bar (styled by home-styles.ts): the sections with what waits in each,
 * today's response times, who else is on the console, and the shortcuts.
 */
export function consoleBar(b: BarInput) {
  const v = b.view;
  const open = v.alerts.filter((a) => isOpenStatus(a.status)).length;
  const waiting = v.alerts.some((a) => a.status === 'received');
  const offline = v.sirens.filter((s) => !s.online).length;
  const requests = v.requests.filter((r) => OPEN_REQUESTS.includes(r.status)).length;
  const tabs: [Tab, string, number][] = [
    ['queue', t('ops.tab.queue'), open],
    ['units', t('ops.tab.units'), 0],
    ['sirens', t('ops.tab.sirens'), offline],
    ['requests', t('ops.tab.requests'), requests],
    ['registrations', t('ops.tab.registrations'), 0],
    ['observatory', t('obs.console_tab'), 0],
    ['exports', t('ops.tab.exports'), 0],
  ];
  if (b.admin)
    tabs.push(
      ['staff', t('ops.tab.staff'), 0],
      ['integrations', t('ops.tab.integrations'), 0],
      ['audit', t('ops.tab.audit'), 0],
    );
  return html`<div class="bar">
    <div role="tablist" aria-label=${t('ops.tabs')}>
      ${tabs.map(
        ([id, label, count]) =>
          html`<button
            role="tab"
            id="tab-${id}"
            aria-selected=${b.tab === id ? 'true' : 'false'}
            aria-controls="panel"
            @click=${() => b.onTab(id)}
          >
            ${label}${
              count
                ? html` <span class="count ${id === 'queue' && waiting ? 'hot' : ''}"
                    >${count}</span
                  >`
                : nothing
            }
          </button>`,
      )}
    </div>
    <sac-stats-bar .trigger=${v.alerts.map((a) => a.statusAt).join()}></sac-stats-bar>
    <div class="presence" aria-label=${t('ops.presence')}>
      ${b.others.map((o) => html`<span class="chip" title=${o.name}>${initials(o.name)}</span>`)}
      <span class="muted small">${t('ops.online', { count: b.others.length + 1 })}</span>
    </div>
    <button class="help" @click=${b.onHelp}>${t('ops.keys.title')} <kbd>?</kbd></button>
  </div>`;
}
