import { html, nothing } from 'lit';
import { alertType } from '../../../shared/catalogue.js';
import {
  REPEAT_FALSE_ALARMS,
  STAGES,
  secondsBetween,
  stageTimes,
  type OpenedAlert,
  type OpenedDetail,
} from '../../../shared/console.js';
import { formatDateTime, formatTime, t } from '../../../shared/i18n/core.js';
import type { ConsoleAlert } from './ops-data.js';
import { duration } from './ops-data.js';
import { NOTE_TEXT_MAX } from './ops-actions.js';

/** The detail panel's sections, as plain render functions of the alert (alert-detail.ts). */

/** The time of a step; with its date when it is not from the last hours (an alert of the history). */
export const clock = (iso: string): string =>
  Date.now() - Date.parse(iso) < 20 * 3600_000 ? formatTime(iso) : formatDateTime(iso);

export type NameOf = (userId: string) => string;

/** Who raised it: from the room for ordinary alerts, from an audited call for silent ones. */
export function reporterSection(
  a: ConsoleAlert,
  opened: OpenedDetail | null,
  identity: OpenedAlert | null,
  reveal: () => void,
) {
  const record = identity ?? (opened && !opened.audited ? opened : null);
  const name = identity?.reporter.name ?? a.reporterName;
  const phone = identity?.reporter.phone ?? a.reporterPhone;
  const address = identity?.reporter.address ?? a.reporterAddress;
  if (a.identityProtected && !identity) {
    return html`<section aria-labelledby="rep">
      <h3 class="section-title" id="rep">${t('ops.detail.reporter')}</h3>
      <p class="protected">${t('ops.detail.identity_protected')}</p>
      <button @click=${reveal}>${t('ops.detail.reveal')} <kbd>i</kbd></button>
      <p class="muted small">${t('ops.detail.reveal_audited')}</p>
    </section>`;
  }
  const falseAlarms = record?.reporter.falseAlarms ?? a.reporterFalseAlarms ?? 0;
  const closed = record?.history.filter((h) => h.status === 'false_alarm').length ?? 0;
  return html`<section aria-labelledby="rep">
    <h3 class="section-title" id="rep">${t('ops.detail.reporter')}</h3>
    <p class="big">${name}</p>
    <p>
      ${
        !phone
          ? html`<span class="muted">${t('ops.detail.no_phone')}</span>`
          : a.identityProtected
            ? // The protocol says never to call back a silent alert: no one-click call here.
              html`<span>${phone}</span>
                <strong class="warn">${t('ops.detail.do_not_call')}</strong>`
            : html`<a href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a>`
      }
    </p>
    <p>${address || '—'}</p>
    <p class=${falseAlarms >= REPEAT_FALSE_ALARMS ? 'warn' : 'muted'}>
      ${t('ops.detail.false_alarms', { count: falseAlarms })}
    </p>
    ${
      record?.history.length
        ? html`<details class="history">
            <summary>${t('ops.detail.history', { count: record.history.length, closed })}</summary>
            <ul>
              ${record.history.map(
                (h) =>
                  html`<li>
                    ${formatDateTime(h.receivedAt)} · ${t(`alert.type.${h.type}`)} ·
                    <span class="pill st-${h.status}">${t(`status.${h.status}`)}</span>
                  </li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
    ${identity?.audited ? html`<p class="muted small">${t('ops.detail.revealed')}</p>` : nothing}
  </section>`;
}

export function placeSection(a: ConsoleAlert, areaName: string, centre: () => void) {
  const loc = a.location;
  return html`<section aria-labelledby="place">
    <h3 class="section-title" id="place">${t('ops.detail.place')}</h3>
    <p class="big">${areaName}</p>
    ${
      loc
        ? html`<p>
            <span class="mono">${loc.lat.toFixed(5)}, ${loc.lng.toFixed(5)}</span>
            <span class="muted">± ${Math.round(loc.accuracy)} m</span>
            <button class="link" @click=${centre}>${t('ops.detail.show_on_map')}</button>
          </p>`
        : html`<p class="muted">${t('ops.detail.no_location')}</p>`
    }
    ${
      a.note
        ? html`<blockquote>${a.note}</blockquote>`
        : html`<p class="muted">${t('ops.detail.no_note')}</p>`
    }
  </section>`;
}

/** Each stage's server stamp and the time it took from `received` (DESIGN §4). */
export function timesSection(a: ConsoleAlert, now: number) {
  const times = stageTimes(a.receivedAt, a.timeline ?? []);
  const open = !times.closed;
  return html`<section aria-labelledby="times">
    <h3 class="section-title" id="times">${t('ops.detail.times')}</h3>
    <dl class="times">
      <dt>${t('ops.stage.received')}</dt>
      <dd>${times.received ? clock(times.received) : '—'}</dd>
      ${STAGES.map((stage) => {
        const at = times[stage];
        return html`<dt>${t(`ops.stage.${stage}`)}</dt>
          <dd>
            ${
              at
                ? html`${clock(at)}
                    <strong>+${duration(secondsBetween(times.received, at))}</strong>`
                : html`<span class="muted">—</span>`
            }
          </dd>`;
      })}
    </dl>
    ${
      open && times.received
        ? html`<p class="muted small">
            ${t('ops.detail.open_for', {
              time: duration(secondsBetween(times.received, new Date(now).toISOString())),
            })}
          </p>`
        : nothing
    }
  </section>`;
}

export function checklistSection(
  a: ConsoleAlert,
  toggle: (step: string, done: boolean) => void,
  enabled: boolean,
) {
  const steps = alertType(a.type).protocol;
  const done = a.checklist ?? {};
  return html`<section aria-labelledby="proto">
    <h3 class="section-title" id="proto">
      ${t('ops.detail.protocol')} (${steps.filter((s) => done[s]).length}/${steps.length})
    </h3>
    <ul class="checklist">
      ${steps.map(
        (step) =>
          html`<li>
            <label class=${done[step] ? 'done' : ''}>
              <input
                type="checkbox"
                .checked=${!!done[step]}
                ?disabled=${!enabled}
                @change=${(e: Event) => toggle(step, (e.target as HTMLInputElement).checked)}
              />
              ${t(`protocol.${step}` as 'protocol.call_back')}
            </label>
          </li>`,
      )}
    </ul>
  </section>`;
}

export function notesSection(a: ConsoleAlert, nameOf: NameOf, add: (text: string) => void) {
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const field = form.elements.namedItem('note') as HTMLTextAreaElement;
    if (!field.value.trim()) return;
    add(field.value);
    field.value = '';
  };
  const notes = [...(a.notes ?? [])].sort((x, y) => x.at.localeCompare(y.at));
  return html`<section aria-labelledby="notes">
    <h3 class="section-title" id="notes">${t('ops.detail.notes')} (${notes.length})</h3>
    <ol class="notes">
      ${notes.map(
        (n) =>
          html`<li>
            <span class="muted small">${clock(n.at)} · ${nameOf(n.by)}</span>
            <p>${n.text}</p>
          </li>`,
      )}
    </ol>
    <form @submit=${submit}>
      <label class="visually-hidden" for="note">${t('ops.detail.add_note')}</label>
      <textarea
        id="note"
        name="note"
        rows="2"
        maxlength=${NOTE_TEXT_MAX}
        placeholder=${t('ops.detail.note_hint')}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey))
            (e.target as HTMLTextAreaElement).form?.requestSubmit();
        }}
      ></textarea>
      <button type="submit">${t('ops.detail.add_note')}</button>
    </form>
  </section>`;
}

/** Every stamp, with who made it; the escalation merged in at its time. */
export function timelineSection(a: ConsoleAlert, nameOf: NameOf) {
  const entries = (a.timeline ?? []).map((e) => ({
    at: e.at,
    what: t(`status.${e.status}`),
    who:
      e.status === 'received' || e.status === 'cancelled'
        ? t('ops.detail.by_reporter')
        : nameOf(e.by),
  }));
  if (a.escalatedAt) {
    entries.push({
      at: a.escalatedAt,
      what: t('ops.detail.escalated'),
      who: a.escalatedBy ? nameOf(a.escalatedBy) : '',
    });
  }
  entries.sort((x, y) => x.at.localeCompare(y.at));
  return html`<section aria-labelledby="tl">
    <h3 class="section-title" id="tl">${t('ops.detail.timeline')}</h3>
    <ol class="timeline">
      ${entries.map(
        (e) =>
          html`<li>
            <span class="mono">${clock(e.at)}</span> <strong>${e.what}</strong>
            <span class="muted">${e.who}</span>
          </li>`,
      )}
    </ol>
    ${
      a.outcome
        ? html`<p>
            ${t('ops.detail.outcome')}: <strong>${t(`ops.outcome.${a.outcome as 'other'}`)}</strong>
          </p>`
        : nothing
    }
  </section>`;
}
