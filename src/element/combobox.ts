/**
 * An editable combobox with a listbox popup (WAI-ARIA APG "list autocomplete"): type to search,
 * ArrowDown/ArrowUp to move through the suggestions, Enter to choose, Escape to close. The
 * focused suggestion is announced through `aria-activedescendant`; focus stays in the input.
 *
 * Forgiving by design: Enter with no suggestion highlighted takes the best one, and leaving the
 * field after typing a name takes the best match, so "snr practitoner" + Tab just works.
 */
import { html } from './html.js';

export interface ComboOption {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
}

export interface ComboboxConfig {
  readonly input: HTMLInputElement;
  readonly listbox: HTMLElement;
  /** Where "no match" is said (referenced by the input's aria-describedby). */
  readonly hint: HTMLElement;
  /** Suggestions for the text typed; empty text lists everything. */
  readonly search: (text: string) => readonly ComboOption[];
  /** Called when the person chooses an option (or clears the field). */
  readonly onSelect: (id: string | undefined) => void;
  /** Called when the person leaves typed text that matches no option (the text stays, to correct). */
  readonly onUnmatched: (text: string) => void;
}

export class Combobox {
  readonly #c: ComboboxConfig;
  #options: readonly ComboOption[] = [];
  #active = -1;
  #selected: ComboOption | undefined;

  constructor(config: ComboboxConfig) {
    this.#c = config;
    const { input, listbox } = config;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('autocomplete', 'off');
    input.spellcheck = false;
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;

    input.addEventListener('input', () => this.#open(input.value, -1));
    input.addEventListener('keydown', (e) => this.#onKey(e));
    input.addEventListener('blur', () => this.commitTyped());
    // Keep focus in the input while a suggestion is clicked.
    listbox.addEventListener('mousedown', (e) => e.preventDefault());
    listbox.addEventListener('click', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (li?.dataset.index !== undefined) this.#choose(Number(li.dataset.index));
    });
  }

  /** Shows text the person typed (or a link held) that matches no role, to be corrected. */
  setText(text: string): void {
    this.#selected = undefined;
    this.#c.input.value = text;
    this.#c.hint.textContent = '';
    this.#close();
  }

  /** Shows a chosen value without telling `onSelect` (used when state is restored). */
  setValue(option: ComboOption | undefined): void {
    this.#selected = option;
    this.#c.input.value = option?.label ?? '';
    this.#c.hint.textContent = '';
    this.#close();
  }

  #onKey(e: KeyboardEvent): void {
    const expanded = !this.#c.listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        if (!expanded) {
          this.#open(
            this.#c.input.value === this.#selected?.label ? '' : this.#c.input.value,
            step === 1 ? 0 : Number.MAX_SAFE_INTEGER,
          );
          return;
        }
        const n = this.#options.length;
        if (n)
          this.#setActive(
            this.#active < 0 ? (step === 1 ? 0 : n - 1) : (this.#active + step + n) % n,
          );
        return;
      }
      case 'Enter':
        if (expanded && this.#options.length) {
          e.preventDefault();
          this.#choose(Math.max(this.#active, 0));
        }
        return;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          this.#close();
        } else if (this.#c.input.value !== (this.#selected?.label ?? '')) {
          e.preventDefault();
          this.setValue(this.#selected);
        }
        return;
      default:
    }
  }

  #open(text: string, active: number): void {
    this.#options = this.#c.search(text);
    const { listbox, hint } = this.#c;
    hint.textContent =
      text.trim() && !this.#options.length ? `No role matches “${text.trim()}” yet.` : '';
    listbox.innerHTML = html`${this.#options.map(
      (o, i) =>
        html`<li role="option" id="${listbox.id}-${i}" data-index="${i}" aria-selected="false"><span class="opt-label">${o.label}</span>${o.detail ? html` <span class="opt-detail">${o.detail}</span>` : ''}</li>`,
    )}`.value;
    if (!this.#options.length) {
      this.#close();
      return;
    }
    listbox.hidden = false;
    this.#c.input.setAttribute('aria-expanded', 'true');
    this.#setActive(Math.min(active, this.#options.length - 1));
  }

  #setActive(index: number): void {
    const { input, listbox } = this.#c;
    listbox.querySelector('[aria-selected="true"]')?.setAttribute('aria-selected', 'false');
    this.#active = index;
    const li = index >= 0 ? listbox.querySelector<HTMLElement>(`[data-index="${index}"]`) : null;
    if (li) {
      li.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  #close(): void {
    const { input, listbox } = this.#c;
    listbox.hidden = true;
    listbox.innerHTML = '';
    this.#options = [];
    this.#active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  #choose(index: number): void {
    const option = this.#options[index];
    if (!option) return;
    this.setValue(option);
    this.#c.onSelect(option.id);
  }

  /** Leaving the field: an emptied field clears the choice; typed text takes the best match. */
  commitTyped(): void {
    const text = this.#c.input.value.trim();
    if (text === (this.#selected?.label ?? '')) {
      this.#close();
      return;
    }
    if (!text) {
      this.setValue(undefined);
      this.#c.onSelect(undefined);
      return;
    }
    const best = this.#c.search(text)[0];
    if (best) {
      this.setValue(best);
      this.#c.onSelect(best.id);
    } else {
      this.#close();
      this.#c.hint.textContent = '';
      this.#c.onUnmatched(text);
    }
  }
}
