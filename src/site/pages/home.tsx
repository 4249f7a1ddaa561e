import type { ConditionSummary } from '../../store/index.js';
import type { SiteConfig } from '../config.js';
import { Layout } from '../layout.js';
import { conditionPath } from '../model.js';
import { SearchForm } from '../search-form.js';

/** Home: every condition A–Z, grouped by first letter. */
export function HomePage({ config, conditions }: { config: SiteConfig; conditions: ConditionSummary[] }) {
  const groups = new Map<string, ConditionSummary[]>();
  for (const c of conditions) {
    const letter = /^[a-z]/i.test(c.name) ? c.name[0]!.toUpperCase() : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), c]);
  }
  const letters = [...groups.keys()].sort();
  return (
    <Layout
      config={config}
      title={config.siteName}
      path="/"
      description="Short, sourced answers about health conditions, each with its medical review status."
      headerSearch={false}
    >
      <h1>Health conditions A–Z</h1>
      <p>
        Short answers to common questions, with their sources and who reviewed them. {conditions.length}{' '}
        {conditions.length === 1 ? 'condition' : 'conditions'}.
      </p>
      <SearchForm id="home-q" label="Ask a question about a health condition" />
      {letters.length > 1 ? (
        <nav aria-label="Letters">
          <ul class="letters">
            {letters.map((l) => (
              <li>
                <a href={`#letter-${l}`}>{l}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {letters.map((l) => (
        <section aria-labelledby={`letter-${l}`}>
          <h2 id={`letter-${l}`}>{l}</h2>
          <ul class="az">
            {groups.get(l)!.map((c) => (
              <li>
                <a href={conditionPath(c.slug)}>{c.name}</a>
                {c.synonyms.length ? (
                  <span class="aka"> (also called {c.synonyms.slice(0, 2).join(', ')})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
