/** The question search box; a plain GET form so it works without JavaScript. */
export interface SearchFormProps {
  /** Unique id of the input (the header and the home page each have one). */
  id: string;
  label: string;
  value?: string;
  /** The header's small form hides its label visually (it keeps its accessible name). */
  compact?: boolean;
}

export function SearchForm({ id, label, value, compact = false }: SearchFormProps) {
  // <search> is the search landmark element (HTML 2023); the form inside stays a plain GET form.
  return (
    <search aria-label={label}>
      <form class={compact ? 'search compact' : 'search'} action="/ask" method="get">
        <label for={id} class={compact ? 'vh' : undefined}>
          {label}
        </label>
        <input id={id} name="q" type="search" value={value} autocomplete="off" maxlength={300} />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
