import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import * as Y from 'yjs';
import { formatTime, getLang, t } from '../../../shared/i18n/index.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { unitRoom } from '../../../sync/rooms.js';
import { SyncedRoom } from '../../data/room.js';
import { base } from '../../styles.js';

interface Dispatch {
  id: string;
  type: string;
  dispatchedAt: string;
  status: string;
}

/** The patrol unit's phone: for now, the dispatches that reach the unit's room. */
@customElement('sac-officer-home')
export class OfficerHome extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        max-width: 720px;
        margin: 0 auto;
        padding: 16px;
      }
      li {
        margin-bottom: 8px;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @state() private dispatches: Dispatch[] = [];
  private room: SyncedRoom | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.me.unitId) return;
    const room = new SyncedRoom(unitRoom(this.me.unitId));
    const refresh = () => {
      const list: Dispatch[] = [];
      room.doc
        .getMap('dispatches')
        .forEach((v) => v instanceof Y.Map && list.push(v.toJSON() as Dispatch));
      this.dispatches = list.sort((a, b) => b.dispatchedAt.localeCompare(a.dispatchedAt));
    };
    room.addEventListener('change', refresh);
    room.addEventListener('unauthorized', () =>
      this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true })),
    );
    this.room = room;
    void room.open().then(refresh);
  }

  override disconnectedCallback(): void {
    this.room?.destroy();
    super.disconnectedCallback();
  }

  override render() {
    return html`<h1>${t('officer.unit', { unit: this.me.unitId ?? '—' })}</h1>
      <section class="card">
        <h3>${t('officer.dispatches')}</h3>
        ${
          this.dispatches.length
            ? html`<ul>
                ${this.dispatches.map(
                  (d) =>
                    html`<li>
                      ${t(`alert.type.${d.type}` as 'alert.type.general')} ·
                      ${formatTime(d.dispatchedAt, getLang())}
                    </li>`,
                )}
              </ul>`
            : html`<p class="muted">${t('officer.no_dispatches')}</p>`
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-home': OfficerHome;
  }
}
