import type { Reviewer } from '../../content/index.js';
import type { AnswerView, ConditionRecord } from '../../store/index.js';
import type { SiteConfig } from '../config.js';
import { Breadcrumbs, Layout } from '../layout.js';
import { answerPath, aspectLabel, badgeFor, badgeText } from '../model.js';

export interface ConditionPageProps {
  config: SiteConfig;
  condition: ConditionRecord;
  answers: AnswerView[];
  reviewers: ReadonlyMap<string, Reviewer>;
}

/** Condition hub: name, "also called", its questions grouped by aspect with review status. */
export function ConditionPage({ config, condition, answers, reviewers }: ConditionPageProps) {
  const byAspect = new Map<string, AnswerView[]>();
  for (const a of answers) byAspect.set(a.aspect, [...(byAspect.get(a.aspect) ?? []), a]);
  return (
    <Layout
      config={config}
      title={condition.name}
      path={`/conditions/${condition.slug}`}
      description={condition.summary || `Questions and answers about ${condition.name}.`}
    >
      <Breadcrumbs
        trail={[
          { href: '/', label: 'Conditions' },
          { href: `/conditions/${condition.slug}`, label: condition.name },
        ]}
        here
      />
      <h1>{condition.name}</h1>
      {condition.synonyms.length ? <p class="aka">Also called: {condition.synonyms.join(', ')}</p> : null}
      {condition.summary ? <p>{condition.summary}</p> : null}
      {answers.length === 0 ? <p>We have no published answers about this condition yet.</p> : null}
      {[...byAspect.entries()].map(([aspect, list]) => (
        <section aria-labelledby={`aspect-${aspect}`}>
          <h2 id={`aspect-${aspect}`}>{aspectLabel(list[0]!.aspect)}</h2>
          <ul class="answers">
            {list.map((a) => (
              <li>
                <a href={answerPath(a.conditionSlug, a.slug)}>{a.revision.answer.question}</a>
                <br />
                <span class="status">{badgeText(badgeFor(a, reviewers, config))}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
