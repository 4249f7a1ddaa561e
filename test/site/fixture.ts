/**
 * A site to test against: the demo content plus an imported (MedQuAD-style) answer, served from
 * an in-memory store. `/conditions/boom` makes the store throw, to show the 500 page.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { defaultSiteConfig, type SiteConfig } from '../../src/site/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { tempDir, writeFiles } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';

export const TODAY = '2026-06-01';

export const IMPORTED_ANSWER = `---
question: What is the outlook for people with gout?
condition: gout
aspect: outlook
tldr: Most people with gout can control it with treatment and changes to diet.
tldr_derived: true
updated: 2026-02-01
origin:
  collection: medquad
  publisher: MPlusHealthTopics
  documentId: "0000123"
  url: https://medlineplus.gov/gout.html
---
Most people with gout can control their symptoms with treatment.
`;

export function fixtureContent(): string {
  const dir = tempDir('medbrief-site-');
  cpSync(join(repoRoot, 'demo', 'content'), dir, { recursive: true });
  writeFiles(dir, { 'gout/outlook.md': IMPORTED_ANSWER });
  return dir;
}

export async function fixtureStore(): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  await importContentFolder(store, fixtureContent(), 'test');
  return store;
}

/** A store whose findCondition fails for the slug "boom" (to render the 500 page). */
export function failingOn(store: Store, slug = 'boom'): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'findCondition') {
        return async (s: string) => {
          if (s === slug) throw new Error('simulated store failure');
          return target.findCondition(s);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function fixtureConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return defaultSiteConfig({ baseUrl: 'https://medbrief.example', today: () => TODAY, ...overrides });
}

export async function fixtureApp(baseUrl = 'https://medbrief.example') {
  const store = await fixtureStore();
  const { app, config } = createApp({
    store: failingOn(store),
    config: { baseUrl, today: () => TODAY },
    logError: () => {},
  });
  return { app, config, store };
}

/** One URL per page type, with a name for reports and screenshots. */
export const PAGE_TYPES: { name: string; path: string; status?: number }[] = [
  { name: 'home', path: '/' },
  { name: 'condition-hub', path: '/conditions/sacral-agenesis' },
  { name: 'answer-reviewed', path: '/conditions/sacral-agenesis/causes' },
  { name: 'answer-awaiting-review', path: '/conditions/asthma/living-with' },
  { name: 'answer-imported', path: '/conditions/gout/outlook' },
  { name: 'about-review', path: '/about/medical-review' },
  { name: 'reviewer', path: '/reviewers/demo-reviewer' },
  { name: 'ask-results', path: '/ask?q=what+causes+gout' },
  { name: 'ask-abstain', path: '/ask?q=zzzz+qqqq' },
  { name: 'api-docs', path: '/api/v1/docs' },
  { name: 'not-found', path: '/no/such/page', status: 404 },
  { name: 'server-error', path: '/conditions/boom', status: 500 },
];
