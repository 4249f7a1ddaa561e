import { PUBLISHERS, publisherName } from '../../content/index.js';

/** MedQuAD's publisher codes are the shared publisher table (src/content/publishers.ts). */
export const MEDQUAD_PUBLISHERS = PUBLISHERS;
export const medquadPublisherName = publisherName;

/**
 * The date our sources record as "accessed": MedQuAD does not record when its pages were
 * crawled, so we use the date of the upstream snapshot's release year start and say so in
 * docs/medquad.md. It is a constant so the content hash of an imported answer never depends
 * on the day it was imported.
 */
export const MEDQUAD_SNAPSHOT_DATE = '2019-01-01';
