/**
 * The JSON API as static files, for `medbrief build`: the same resources and OpenAPI document the
 * server sends, at the API paths with ".json" added (a static host cannot serve the bare paths
 * as JSON). Lists are written whole, as one page holding every item.
 */

import { ConnectIndex, connectFilePath, renderJson } from '../../connect/index.js';
import {
  fileForPath,
  keyOf,
  literalFile,
  type OutputFile,
  renderDocument,
  rendererFingerprint,
  type SiteConfig,
  type SiteSnapshot,
} from '../../site/index.js';
import { ApiDocsPage } from './docs.js';
import { openApiDocument } from './openapi.js';
import {
  answerJson,
  answerSummaryJson,
  conditionDetailJson,
  conditionSummaryJson,
  pagination,
} from './resources.js';
import type { AnswerList, ConditionList, ReviewerList } from './schemas.js';

export function apiSnapshotFiles(snap: SiteSnapshot, config: SiteConfig): OutputFile[] {
  const base = `${config.baseUrl}/api/v1`;
  const json = (path: string, value: unknown) => literalFile(`api/v1/${path}`, JSON.stringify(value));
  const document = openApiDocument(config.baseUrl);
  const files: OutputFile[] = [json('openapi.json', document)];
  const { today: _today, ...settings } = config;
  const docsKey = keyOf(rendererFingerprint(), settings, document);
  files.push({
    path: fileForPath('/api/v1/docs'),
    key: docsKey,
    render: () => renderDocument(ApiDocsPage({ config, document })),
  });
  const all = Math.max(1, snap.conditions.length);
  const conditions: ConditionList = {
    conditions: snap.conditions.map((c) => conditionSummaryJson(c, config)),
    pagination: pagination(`${base}/conditions`, snap.conditions.length, all, 0),
  };
  files.push(json('conditions.json', conditions));
  const answers: AnswerList = {
    answers: snap.answers.map((v) => answerSummaryJson(v, snap.reviewers, config)),
    pagination: pagination(`${base}/answers`, snap.answers.length, Math.max(1, snap.answers.length), 0),
  };
  files.push(json('answers.json', answers));
  const reviewers: ReviewerList = { reviewers: [...snap.reviewers.values()] };
  files.push(json('reviewers.json', reviewers));
  for (const c of snap.conditions) {
    const record = snap.records.get(c.slug);
    if (!record) continue;
    const views = snap.byCondition.get(c.slug) ?? [];
    files.push(json(`conditions/${c.slug}.json`, conditionDetailJson(record, views, snap.reviewers, config)));
    for (const v of views) {
      files.push(json(`conditions/${c.slug}/${v.slug}.json`, answerJson(v, snap.reviewers, config)));
    }
  }
  // One lookup per stored code, so a CDN can answer `connect/<system>/<code>.json` without a server.
  const index = ConnectIndex.fromSnapshot(snap, config);
  for (const { system, code } of index.codes()) {
    const result = index.lookup({ system, code, displayName: null, recipient: 'PAT', language: 'en' });
    files.push(literalFile(`api/v1/${connectFilePath(system, code)}`, renderJson(result)));
  }
  return files;
}
