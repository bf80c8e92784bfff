import type { ComponentChildren, RefObject } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'password' | 'email' | 'tel' | 'number';
  hint?: string;
  error?: string | null;
  /** Shown after the label but outside it, so the accessible name stays the label alone. */
  aside?: ComponentChildren;
  asideId?: string;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  placeholder?: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  inputClass?: string;
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}

/** A labelled input or textarea with an optional hint and inline error, both tied by aria-describedby. */
export function Field(p: FieldProps) {
  const hintId = p.hint ? `${p.id}-hint` : '';
  const errId = p.error ? `${p.id}-error` : '';
  const describedBy = [p.asideId ?? '', hintId, errId].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement).value),
    onBlur: p.onBlur,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? true : undefined,
    autoComplete: p.autoComplete ?? 'off',
    placeholder: p.placeholder,
    disabled: p.disabled,
    class: p.inputClass,
  };
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <div class="field-label">
        <label for={p.id}>{p.label}</label>
        {p.aside}
      </div>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} ref={p.inputRef as RefObject<HTMLTextAreaElement>} rows={3} />
      ) : (
        <input {...common} ref={p.inputRef as RefObject<HTMLInputElement>} type={(p.type ?? 'text') as 'text'} inputMode={p.inputMode} min={p.min} max={p.max} spellcheck={false} />
      )}
      {p.error && (
        <p id={errId} class="error-text">
          {p.error}
        </p>
      )}
    </div>
  );
}
