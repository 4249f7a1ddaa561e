/**
 * Reading the MEDIQA 2019 RQE pairs (training: 8,588 clinical pairs; validation: 302 consumer
 * question / NIH FAQ pairs). Ben Abacha & Demner-Fushman, AMIA 2016; data in ../shared/data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface RqePair {
  pid: string;
  chq: string;
  faq: string;
  entails: boolean;
  /** Training set only: originalQ-shortQ (positive) or originalQ-shortRandQ (random negative). */
  type?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'pair',
});

export function parseRqeXml(xml: string): RqePair[] {
  const root = parser.parse(xml) as Record<string, { pair?: Record<string, unknown>[] }>;
  const top = Object.values(root).find((v) => v && typeof v === 'object' && 'pair' in v);
  return (top?.pair ?? []).map((p) => ({
    pid: String(p['@pid']),
    chq: String(p.chq ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    faq: String(p.faq ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    entails: String(p['@value']).toLowerCase() === 'true',
    type: p['@type'] === undefined ? undefined : String(p['@type']),
  }));
}

export function defaultRqeDir(repoRoot: string): string {
  return process.env.MEDIQA_RQE_DIR ?? join(repoRoot, '..', 'shared', 'data', 'mediqa-rqe');
}

export function readRqeSets(dir: string): { training: RqePair[]; validation: RqePair[] } {
  const read = (name: string) => parseRqeXml(readFileSync(join(dir, name), 'utf8'));
  return {
    training: read('MEDIQA2019-Task2-RQE-TrainingSet-AMIA2016.xml'),
    validation: read('MEDIQA2019-Task2-RQE-ValidationSet-AMIA2016.xml'),
  };
}
