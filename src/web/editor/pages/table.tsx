import type { Child } from 'hono/jsx';

/**
 * The editor's tables: a header row of column names and a scrolling region, so a wide table
 * scrolls sideways inside the page at 375 px instead of squeezing its words letter by letter.
 * The region is focusable and named, so keyboard users can scroll it too.
 */
export function DataTable(props: { label: string; columns: readonly Child[]; children?: Child }) {
  return (
    <section class="table-scroll" aria-label={props.label} tabindex={0}>
      <table>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}
