import type { SiteConfig } from '../config.js';
import { Layout } from '../layout.js';
import { SearchForm } from '../search-form.js';

/** One answer in the results, already turned into what the page shows. */
export interface AskHit {
  question: string;
  path: string;
  conditionName: string;
  tldr: string;
  /** The one-sentence review status (badgeText). */
  review: string;
}

/**
 * What the Ask page shows; built by the web layer from the search engine's AskResult, so the page
 * does not depend on how search ranks.
 */
export interface AskView {
  query: string;
  /** Urgent-help message when the question mentions a red flag; shown before anything else. */
  urgent: string | null;
  hits: AskHit[];
  abstained: boolean;
  /** Plain-language reason for abstaining. */
  message?: string;
  nearest: { name: string; path: string }[];
}

export interface AskPageProps {
  config: SiteConfig;
  view: AskView;
  /**
   * Static export: results are filled in by /assets/search.js from /search-index.json; without
   * JavaScript the page still offers the A–Z list.
   */
  clientSide?: boolean;
}

export function AskPage({ config, view, clientSide = false }: AskPageProps) {
  const asked = view.query.trim().length > 0;
  return (
    <Layout
      config={config}
      title={asked ? `Answers for “${view.query}”` : 'Ask a question'}
      path="/ask"
      description="Search our medically reviewed short answers."
      headerSearch={false}
      noindex
      scripts={clientSide ? ['/assets/search.js'] : []}
    >
      <h1>{asked ? 'Search results' : 'Ask a question'}</h1>
      <SearchForm id="ask-q" label="Your question" value={view.query} />
      {view.urgent ? null : (
        // Always visible, so no search result (or a static site that cannot detect emergencies)
        // ever stands between a reader and urgent help.
        <p class="status">
          Worried it may be an emergency, such as chest pain, trouble breathing or signs of a stroke? Call{' '}
          {config.emergencyNumber} now.
        </p>
      )}
      {view.urgent ? (
        <div class="urgent" role="alert">
          {view.urgent}
        </div>
      ) : null}
      {clientSide ? (
        <div id="ask-results" aria-live="polite">
          <p>
            You can also <a href="/">browse all conditions A–Z</a>.
          </p>
        </div>
      ) : (
        <AskResults view={view} asked={asked} />
      )}
    </Layout>
  );
}

function AskResults({ view, asked }: { view: AskView; asked: boolean }) {
  if (!asked) {
    return (
      <p>
        Type a question, for example “what causes gout?”, or <a href="/">browse all conditions A–Z</a>.
      </p>
    );
  }
  return (
    <>
      {view.abstained ? (
        <section aria-labelledby="no-answer-heading">
          <h2 id="no-answer-heading">We don't have a reviewed answer to that yet</h2>
          <p>{view.message ?? 'Try different words, or browse the condition pages below.'}</p>
        </section>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {view.hits.length} {view.hits.length === 1 ? 'answer' : 'answers'}
          </h2>
          <ol class="results">
            {view.hits.map((h) => (
              <li>
                <a href={h.path}>{h.question}</a>
                <p class="status">
                  {h.conditionName} · {h.review}
                </p>
                <p>{h.tldr}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      {view.nearest.length ? (
        <section aria-labelledby="nearest-heading">
          <h2 id="nearest-heading">Related conditions</h2>
          <ul>
            {view.nearest.map((n) => (
              <li>
                <a href={n.path}>{n.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href="/">Browse all conditions A–Z</a>
      </p>
    </>
  );
}
