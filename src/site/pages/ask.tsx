import type { SiteConfig } from '../config.js';
import { Layout, LinkList } from '../layout.js';
import { QUESTION_MAX_CHARS, SearchForm } from '../search-form.js';

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
  /** Why, in plain words, when the reason is one a reader can act on (only about a medicine, …). */
  detail?: string;
  nearest: { name: string; path: string }[];
  /** What the search read in the message: the question it answered, and the others it saw. */
  read?: { question: string; otherQuestions: string[]; truncated: boolean };
  /** ?explain=1: the parsed message and why the search did what it did. */
  explain?: { label: string; value: string }[];
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
      title={asked ? `Answers for “${shorten(view.query, 80)}”` : 'Ask a question'}
      path="/ask"
      description="Search our medically reviewed short answers."
      headerSearch={false}
      noindex
      scripts={clientSide ? ['/assets/search.js'] : []}
    >
      <h1>{asked ? 'Search results' : 'Ask a question'}</h1>
      <SearchForm id="ask-q" label="Your question" value={view.query} multiline />
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

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function ReadAs({ view }: { view: AskView }) {
  const read = view.read;
  if (!read) return null;
  const long = view.query.length > 160 || read.otherQuestions.length > 0;
  return (
    <>
      {long ? (
        <p class="status" id="read-as">
          {view.abstained ? 'We read your question as' : 'We answered'}: “{shorten(read.question, 300)}”
        </p>
      ) : null}
      {read.truncated ? (
        <p class="status">
          Your message was long; we read its first {QUESTION_MAX_CHARS.toLocaleString('en')} characters.
        </p>
      ) : null}
      {read.otherQuestions.length ? (
        <section aria-labelledby="other-questions-heading">
          <h2 id="other-questions-heading">You also asked</h2>
          <p>Search for each on its own to see its answer:</p>
          <LinkList
            links={read.otherQuestions.map((q) => ({
              href: `/ask?q=${encodeURIComponent(q)}`,
              text: shorten(q, 200),
            }))}
          />
        </section>
      ) : null}
    </>
  );
}

function Explain({ view }: { view: AskView }) {
  if (!view.explain?.length) return null;
  return (
    <section aria-labelledby="explain-heading" class="explain">
      <h2 id="explain-heading">How we read your question</h2>
      <dl>
        {view.explain.map((e) => (
          <>
            <dt>{e.label}</dt>
            <dd>{e.value}</dd>
          </>
        ))}
      </dl>
    </section>
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
      <ReadAs view={view} />
      {view.abstained ? (
        <section aria-labelledby="no-answer-heading">
          <h2 id="no-answer-heading">We don't have a reviewed answer to that yet</h2>
          <p>{view.detail ?? view.message ?? 'Try different words, or browse the condition pages below.'}</p>
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
          <LinkList links={view.nearest.map((n) => ({ href: n.path, text: n.name }))} />
        </section>
      ) : null}
      <p>
        <a href="/">Browse all conditions A–Z</a>
      </p>
      <Explain view={view} />
    </>
  );
}
