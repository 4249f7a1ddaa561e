/** The question search box; a plain GET form so it works without JavaScript. */
export interface SearchFormProps {
  /** Unique id of the input (the header and the home page each have one). */
  id: string;
  label: string;
  value?: string;
  /** The header's small form hides its label visually (it keeps its accessible name). */
  compact?: boolean;
  /** A text area for a whole message (the Ask page): people paste a subject line and paragraphs. */
  multiline?: boolean;
}

/** Characters the search reads (src/search LIMITS.maxChars); longer input is cut there with a note. */
export const QUESTION_MAX_CHARS = 4_000;

export function SearchForm({ id, label, value, compact = false, multiline = false }: SearchFormProps) {
  // <search> is the search landmark element (HTML 2023); the form inside stays a plain GET form.
  return (
    <search aria-label={label}>
      <form class={compact ? 'search compact' : 'search'} action="/ask" method="get">
        <label for={id} class={compact ? 'vh' : undefined}>
          {label}
        </label>
        {multiline ? (
          <textarea id={id} name="q" rows={4} maxlength={QUESTION_MAX_CHARS} autocomplete="off">
            {value ?? ''}
          </textarea>
        ) : (
          <input
            id={id}
            name="q"
            type="search"
            value={value}
            autocomplete="off"
            maxlength={QUESTION_MAX_CHARS}
          />
        )}
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
