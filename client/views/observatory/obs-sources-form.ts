import { tObs, type ObsKey } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type {
  ImportKind,
  ImportProvenance,
  ImportRejection,
  SpatialPrecision,
} from '../../../shared/observatory-evaluation.js';
import { ApiFailure } from '../../data/api.js';
import { sourcesApi } from '../../data/obs-sources.js';
import { base } from '../../styles.js';
import { formatNumber } from './obs-figure.js';
import { obsStyles } from './obs-styles.js';
import { sourcesStyles } from './obs-sources-styles.js';

type Outcome =
  | { kind: 'ok'; name: string; records: number }
  | { kind: 'rejected'; rejection: ImportRejection }
  | { kind: 'error'; message: string };

const KINDS: readonly ImportKind[] = ['incidents', 'context'];
const PRECISIONS: readonly SpatialPrecision[] = ['exact', 'block', 'area'];

/** "línea 4: la latitud o la longitud no es un número válido" */
export function rowText(unit: ImportRejection['unit'], row: ImportRejection['rows'][number]) {
  const where = tObs(unit === 'line' ? 'obs.sources.row.line' : 'obs.sources.row.feature', {
    line: row.line,
  });
  const why = tObs(`obs.sources.reason.${row.reason}`, { column: row.column ?? '' });
  return `${where}: ${why}`;
}

/**
 * The import form: the file and its provenance. The server checks every row and stores all
 * or nothing; a rejection is listed line by line so the analyst can fix the file. Fires
 * `imported` when a source was stored.
 */
@customElement('sac-obs-source-form')
export class ObsSourceForm extends SacElement {
  static override styles = [base, obsStyles, sourcesStyles];

  @state() private sending = false;
  @state() private outcome: Outcome | null = null;

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
      this.outcome = { kind: 'error', message: tObs('obs.sources.form.pick') };
      return;
    }
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const provenance: ImportProvenance = {
      name: text('name'),
      provider: text('provider'),
      licence: text('licence'),
      from: text('from'),
      to: text('to'),
      kind: text('kind') as ImportKind,
      precision: text('precision') as SpatialPrecision,
    };
    this.sending = true;
    this.outcome = null;
    try {
      const answer = await sourcesApi.import(provenance, file);
      if (answer.ok) {
        this.outcome = { kind: 'ok', name: answer.source.name, records: answer.source.records };
        form.reset();
        this.dispatchEvent(
          new CustomEvent('imported', { detail: answer.source, bubbles: true, composed: true }),
        );
      } else this.outcome = { kind: 'rejected', rejection: answer.rejection };
    } catch (err) {
      const message =
        err instanceof ApiFailure && err.status === 413
          ? tObs('obs.sources.form.too_large')
          : tObs('obs.sources.form.error', { message: err instanceof Error ? err.message : '' });
      this.outcome = { kind: 'error', message };
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const field = (name: string, label: ObsKey, hint: ObsKey | null, input: unknown) =>
      html`<div class="field">
        <label for=${`src-${name}`}>${tObs(label)}</label>
        ${input}
        ${hint ? html`<div class="hint" id=${`src-${name}-hint`}>${tObs(hint)}</div>` : nothing}
      </div>`;
    const textInput = (name: string, max: number, value = '') =>
      html`<input
        id=${`src-${name}`}
        name=${name}
        required
        maxlength=${max}
        .value=${value}
        aria-describedby=${`src-${name}-hint`}
      />`;
    return html`<h3 id="import-title">${tObs('obs.sources.form.title')}</h3>
      <form class="import" aria-labelledby="import-title" @submit=${this.submit} novalidate>
        <div class="wide">
          ${field(
            'file',
            'obs.sources.form.file',
            'obs.sources.form.file.hint',
            html`<input
              id="src-file"
              name="file"
              type="file"
              required
              accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
              aria-describedby="src-file-hint"
            />`,
          )}
        </div>
        ${field('name', 'obs.sources.form.name', 'obs.sources.form.name.hint', textInput('name', 120))}
        ${field(
          'provider',
          'obs.sources.form.provider',
          'obs.sources.form.provider.hint',
          textInput('provider', 120),
        )}
        ${field(
          'licence',
          'obs.sources.form.licence',
          'obs.sources.form.licence.hint',
          textInput('licence', 80),
        )}
        ${field(
          'from',
          'obs.sources.form.from',
          'obs.sources.form.period.hint',
          html`<input
            id="src-from"
            name="from"
            type="date"
            required
            aria-describedby="src-from-hint"
          />`,
        )}
        ${field(
          'to',
          'obs.sources.form.to',
          null,
          html`<input
            id="src-to"
            name="to"
            type="date"
            required
            aria-describedby="src-from-hint"
          />`,
        )}
        ${field(
          'kind',
          'obs.sources.kind',
          'obs.sources.form.kind.hint',
          html`<select id="src-kind" name="kind" aria-describedby="src-kind-hint">
            ${KINDS.map((k) => html`<option value=${k}>${tObs(`obs.sources.kind.${k}`)}</option>`)}
          </select>`,
        )}
        ${field(
          'precision',
          'obs.sources.precision',
          'obs.sources.form.precision.hint',
          html`<select id="src-precision" name="precision" aria-describedby="src-precision-hint">
            ${PRECISIONS.map(
              (p) => html`<option value=${p}>${tObs(`obs.sources.precision.${p}`)}</option>`,
            )}
          </select>`,
        )}
        <div class="wide actions">
          <button class="primary" type="submit" ?disabled=${this.sending}>
            ${tObs(this.sending ? 'obs.sources.form.sending' : 'obs.sources.form.submit')}
          </button>
        </div>
      </form>
      ${this.outcomeView()}`;
  }

  private outcomeView() {
    const o = this.outcome;
    if (!o) return nothing;
    if (o.kind === 'ok')
      return html`<p class="outcome ok" role="status">
        ${tObs('obs.sources.form.ok', { name: o.name, records: formatNumber(o.records) })}
      </p>`;
    if (o.kind === 'error') return html`<p class="outcome bad" role="alert">${o.message}</p>`;
    const r = o.rejection;
    const more = r.total - r.rows.length;
    return html`<div class="outcome rejected" role="alert" data-rejection>
      <p>${tObs('obs.sources.form.rejected', { total: formatNumber(r.total) })}</p>
      <ul>
        ${r.rows.map((row) => html`<li>${rowText(r.unit, row)}</li>`)}
        ${more > 0 ? html`<li>${tObs('obs.sources.form.more', { count: formatNumber(more) })}</li>` : nothing}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-source-form': ObsSourceForm;
  }
}
