import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t, type MessageKey } from '../../../shared/i18n/core.js';
import {
  ANSWERS,
  CONVERSATION_NOTE_MAX,
  CONVERSATION_QUESTIONS,
  type Answer,
} from '../../../shared/conversations.js';
import { base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';

export interface ConversationDraft {
  answers: Record<string, Answer>;
  note: string;
}

/**
 * A neighbour conversation in under ten seconds: one big yes / no / not-sure
 * toggle per question of the city's list, an optional note, save. The place and time are
 * stamped when it is saved; unanswered questions are simply left out.
 */
@customElement('sac-officer-talk')
export class ConversationForm extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      fieldset {
        border: 0;
        margin: 0 0 12px;
        padding: 0;
      }
      legend {
        font-weight: 700;
        margin-bottom: 6px;
        font-size: 1.02rem;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 6px;
      }
      .choices button {
        min-height: 52px;
        font-size: 1.05rem;
        font-weight: 600;
      }
      .choices button[aria-pressed='true'].yes {
        background: var(--ok);
        border-color: var(--ok);
        color: #fff;
      }
      .choices button[aria-pressed='true'].no {
        background: var(--red);
        border-color: var(--red);
        color: #fff;
      }
      .choices button[aria-pressed='true'].unsure {
        background: #5f5b66;
        border-color: #5f5b66;
        color: #fff;
      }
      textarea {
        min-height: 64px;
        margin: 6px 0 12px;
      }
    `,
  ];

  @state() private answers: Record<string, Answer> = {};
  @state() private note = '';
  @state() private saved = false;

  private choose(question: string, answer: Answer): void {
    // Tapping the chosen answer again clears it.
    const next = Object.fromEntries(Object.entries(this.answers).filter(([k]) => k !== question));
    if (this.answers[question] !== answer) next[question] = answer;
    this.answers = next;
    this.saved = false;
  }

  private save(): void {
    const detail: ConversationDraft = { answers: this.answers, note: this.note.trim() };
    this.dispatchEvent(new CustomEvent('conversation', { detail, bubbles: true, composed: true }));
    this.answers = {};
    this.note = '';
    this.saved = true;
  }

  override render() {
    const empty = Object.keys(this.answers).length === 0 && this.note.trim() === '';
    return html`<section class="card">
      <h2>${t('officer.talk.title')}</h2>
      <p class="muted">${t('officer.talk.hint')}</p>
      ${CONVERSATION_QUESTIONS.map(
        (q) =>
          html`<fieldset>
            <legend>${t(`conversation.q.${q}` as MessageKey)}</legend>
            <div class="choices" data-question=${q}>
              ${ANSWERS.map(
                (a) =>
                  html`<button
                    type="button"
                    class=${a}
                    aria-pressed=${this.answers[q] === a ? 'true' : 'false'}
                    @click=${() => this.choose(q, a)}
                  >
                    ${t(`officer.answer.${a}`)}
                  </button>`,
              )}
            </div>
          </fieldset>`,
      )}
      <label for="note">${t('officer.talk.note')}</label>
      <textarea
        id="note"
        maxlength=${CONVERSATION_NOTE_MAX}
        .value=${this.note}
        @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <button class="big primary" ?disabled=${empty} @click=${() => this.save()}>
        ${t('officer.talk.save')}
      </button>
      ${this.saved ? html`<p class="toast ok" role="status">${t('officer.talk.saved')}</p>` : ''}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-talk': ConversationForm;
  }
}
