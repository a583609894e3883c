import { html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { STAGES, type ConsoleStats } from '../../../shared/console.js';
import { t } from '../../../shared/i18n/core.js';
import { consoleApi } from '../../data/console.js';
import { base } from '../../styles.js';
import { duration } from './ops-data.js';

const REFRESH_MS = 30_000;

/**
 * Today's response times (`GET /api/console/stats`): medians from received to each stage,
 * each saying in its tooltip what it counts ("close" leaves out what residents cancelled).
 */
@customElement('sac-stats-bar')
export class StatsBar extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      dl {
        display: flex;
        gap: 14px;
        margin: 0;
        align-items: baseline;
        font-size: 0.85rem;
        flex-wrap: wrap;
      }
      div {
        display: flex;
        gap: 5px;
        align-items: baseline;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Changes whenever an alert changes status: the medians are fetched again, once. */
  @property({ attribute: false }) trigger = '';
  @state() private stats: ConsoleStats | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private soon: ReturnType<typeof setTimeout> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('trigger') && changed.get('trigger') !== undefined) {
      if (this.soon) clearTimeout(this.soon);
      this.soon = setTimeout(() => void this.load(), 800);
    }
  }

  private async load(): Promise<void> {
    try {
      this.stats = await consoleApi.stats();
    } catch {
      // Offline or signed out: keep the last figures; the next tick tries again.
    }
  }

  override render() {
    const s = this.stats;
    if (!s) return nothing;
    return html`<dl aria-label=${t('ops.stats.label')}>
      <div title=${t('stats.hint.received', { count: s.received, cancelled: s.cancelled })}>
        <dt>${t('ops.stats.today')}</dt>
        <dd>${s.received}</dd>
      </div>
      ${STAGES.map(
        (stage) =>
          html`<div
            title=${t(`stats.hint.${stage}`, { count: s.samples[stage], cancelled: s.cancelled })}
          >
            <dt>${t(`ops.stats.${stage}`)}</dt>
            <dd data-stage=${stage}>${duration(s.medians[stage])}</dd>
          </div>`,
      )}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-stats-bar': StatsBar;
  }
}
