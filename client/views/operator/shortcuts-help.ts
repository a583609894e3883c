import { html, css } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t, type MessageKey } from '../../../shared/i18n/core.js';
import { base } from '../../styles.js';
import { opsStyles } from './ops-styles.js';

/** Every key the console answers to (operator-home.ts `onKey`), shown with `?`. */
export const SHORTCUTS: readonly (readonly [string, MessageKey])[] = [
  ['j / k', 'ops.keys.move'],
  ['Enter', 'ops.keys.open'],
  ['a', 'ops.keys.acknowledge'],
  ['d', 'ops.keys.dispatch'],
  ['1–9', 'ops.keys.pick'],
  ['s', 'ops.keys.on_scene'],
  ['e', 'ops.keys.escalate'],
  ['r', 'ops.keys.resolve'],
  ['f', 'ops.keys.false_alarm'],
  ['m', 'ops.keys.redispatch'],
  ['n', 'ops.keys.note'],
  ['i', 'ops.keys.identity'],
  ['l', 'ops.keys.release'],
  ['/', 'ops.keys.filter'],
  ['Esc', 'ops.keys.escape'],
  ['?', 'ops.keys.help'],
];

@customElement('sac-shortcuts-help')
export class ShortcutsHelp extends SacElement {
  static override styles = [
    base,
    opsStyles,
    css`
      dialog {
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 16px 20px;
        min-width: 380px;
      }
      dialog::backdrop {
        background: rgba(28, 27, 31, 0.35);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 14px;
        margin: 12px 0;
      }
      dt {
        text-align: right;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;

  toggle(): void {
    if (this.dialog.open) this.dialog.close();
    else this.dialog.showModal();
  }

  override render() {
    return html`<dialog aria-labelledby="keys-title">
      <h2 id="keys-title">${t('ops.keys.title')}</h2>
      <dl>
        ${SHORTCUTS.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${t(what)}</dd>`,
        )}
      </dl>
      <form method="dialog"><button>${t('ops.keys.close')}</button></form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-shortcuts-help': ShortcutsHelp;
  }
}
