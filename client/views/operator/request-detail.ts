import { html, css, nothing } from 'lit';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import {
  requestPhotoUrl,
  type OpsRequestView,
  type RequestHistoryEntry,
} from '../../../shared/request-view.js';

/**
 * Parts of a neighbour request's detail in the console (requests-queue.ts): the conversation
 * and history, and the photo with its publication. Times in the city's zone, people by name.
 */

/** Entries for a record written before the server kept a history: what the record itself says. */
function fallback(r: OpsRequestView): RequestHistoryEntry[] {
  const out: RequestHistoryEntry[] = [
    { kind: 'filed', at: r.receivedAt, by: r.reporterId ?? r.clientId ?? '', name: r.reporterName },
  ];
  if (r.reply) out.push({ kind: 'reply', at: r.statusAt, by: '', name: '', reply: r.reply });
  return out;
}

function what(h: RequestHistoryEntry): string {
  switch (h.kind) {
    case 'status':
      return t('ops.requests.h.status', {
        status: t(`ops.request.status.${(h.status ?? 'open') as 'open'}`),
      });
    default:
      return t(`ops.requests.h.${h.kind}`);
  }
}

export function historySection(r: OpsRequestView) {
  const entries = r.history?.length ? r.history : fallback(r);
  return html`<section aria-labelledby="req-history">
    <h3 class="section-title" id="req-history">${t('ops.requests.history')}</h3>
    <ol class="thread">
      ${entries.map(
        (h) =>
          html`<li class="h-${h.kind}" data-kind=${h.kind}>
            <div>
              <span class="mono small">${formatDateTime(h.at)}</span>
              ${h.name ? html`<strong>${h.name}</strong>` : nothing} ${what(h)}
            </div>
            ${h.kind === 'reply' && h.reply ? html`<p class="bubble">${h.reply}</p>` : nothing}
          </li>`,
      )}
    </ol>
    ${
      entries.every((h) => h.kind !== 'status' && h.kind !== 'reply')
        ? html`<p class="muted small">${t('ops.requests.history_none')}</p>`
        : nothing
    }
  </section>`;
}

export interface PhotoActions {
  publishing: boolean;
  failed: boolean;
  publish: () => void;
}

export function photoSection(r: OpsRequestView, a: PhotoActions) {
  const photo = r.photo;
  if (!photo) return nothing;
  const url = requestPhotoUrl(r.id);
  return html`<section aria-labelledby="req-photo" class="photo">
    <h3 class="section-title" id="req-photo">${t('ops.requests.photo')}</h3>
    <a href=${url} target="_blank" rel="noopener" title=${t('ops.requests.photo_full')}>
      <img
        src=${url}
        alt=${t('ops.requests.photo_alt', { name: r.reporterName })}
        width=${photo.width}
        height=${photo.height}
      />
    </a>
    ${
      photo.publishedAt
        ? html`<p class="published" data-photo="published">
            ${t('ops.requests.photo_published', { at: formatDateTime(photo.publishedAt) })}
          </p>`
        : html`<p class="muted small" data-photo="private">${t('ops.requests.photo_private')}</p>
            <p class="small">${t('ops.requests.photo_publish_hint')}</p>
            <button ?disabled=${a.publishing} @click=${a.publish}>
              ${t('ops.requests.photo_publish')}
            </button>
            ${
              a.failed
                ? html`<p class="warn" role="alert">${t('ops.requests.photo_publish_failed')}</p>`
                : nothing
            }`
    }
  </section>`;
}

export const requestDetailStyles = css`
  .mono {
    font-family: ui-monospace, monospace;
  }
  .thread {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .thread li {
    border-left: 3px solid var(--line);
    padding: 2px 0 2px 10px;
  }
  .thread li.h-reply {
    border-left-color: var(--info);
  }
  .thread li.h-filed,
  .thread li.h-withdrawn {
    border-left-color: #8d8893;
  }
  .bubble {
    margin: 4px 0 0;
    padding: 8px 10px;
    border-radius: 8px;
    background: #eef3fd;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .photo img {
    display: block;
    width: auto;
    height: auto;
    max-width: 100%;
    max-height: 180px;
    border-radius: 8px;
    border: 1px solid var(--line);
  }
  .photo p {
    margin: 6px 0;
  }
  .published {
    color: var(--ok);
    font-weight: 600;
  }
`;
