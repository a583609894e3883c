import { LitElement } from 'lit';
import { onLangChange } from '../../shared/i18n/core.js';

/** Every SAC element re-renders when the language changes, wherever it sits in the tree. */
export class SacElement extends LitElement {
  private offLang: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offLang = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    this.offLang?.();
    this.offLang = null;
    super.disconnectedCallback();
  }
}
