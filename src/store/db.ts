/** Table types for the query builder. JSON columns hold text; dates are ISO-8601 text. */
import type { Generated } from 'kysely';

export interface ConditionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  summary: string;
  codes: string; // JSON object
  review_interval_months: number | null;
  created_at: string;
  updated_at: string;
}

export interface ConditionSynonymsTable {
  condition_id: number;
  name: string;
  slug: string;
}

export interface ConditionCodesTable {
  condition_id: number;
  system: string; // a CodeSystem (src/content/codes.ts): icd10cm | snomedct | umls | …
  code: string;
}

export interface ReviewersTable {
  id: string;
  name: string;
  credentials: string;
  bio: string | null;
  demo: number;
  registration_body?: string | null;
  registration_number?: string | null;
  photo_alt?: string | null;
}

export interface AnswersTable {
  id: Generated<number>;
  condition_id: number;
  slug: string;
  aspect: string;
  state: string;
  current_revision_id: number | null;
  published_revision_id: number | null;
  origin: string | null; // JSON
  created_at: string;
  updated_at: string;
  // Derived for the editor's answer list (migration 009), kept current by StoreTx in the same
  // transaction as the write they derive from (see refreshAnswerListColumns).
  /** The current revision's question in lower case (search, sort by question). */
  list_search: string | null;
  /** 1 when an approval is bound to the current revision's hash, else 0. */
  list_reviewed: Generated<number>;
  /** A published answer's next review date (bound approval, else schedule, else creation day). */
  list_due: string | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  answer_id: number;
  hash: string;
  question: string;
  tldr: string;
  body: string;
  content: string; // JSON of the whole Answer model
  author: string;
  created_at: string;
  base_revision_id: number | null;
}

export interface RevisionSourcesTable {
  revision_id: number;
  position: number;
  source_id: string;
  title: string;
  url: string;
  publisher: string | null;
  accessed: string;
}

export interface ApprovalsTable {
  id: Generated<number>;
  answer_id: number;
  revision_id: number;
  hash: string;
  reviewer_id: string;
  reviewed_on: string;
  next_review: string;
  created_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  from_state: string | null;
  to_state: string | null;
  hash: string | null;
  detail: string | null; // JSON
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  name: string;
  role: string; // author | reviewer | editor | admin
  password_hash: string;
  reviewer_id: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // SHA-256 of the session cookie value
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string; // "user:<name>" or "ip:<address>"
  at: string;
  ok: number;
}

export interface CommentsTable {
  id: Generated<number>;
  answer_id: number;
  revision_id: number | null;
  author: string;
  kind: string; // comment | request_changes
  body: string;
  created_at: string;
}

export interface ReviewScheduleTable {
  answer_id: number;
  due_on: string;
  owner: string | null;
  updated_at: string;
}

/** Which external record an imported answer came from (migration 002_import). */
export interface AnswerOriginsTable {
  origin_key: string;
  answer_id: number;
  collection: string;
  publisher: string;
  document_id: string;
  pair_id: string;
  qtype: string | null;
  url: string | null;
  role: string; // answer | duplicate
  created_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  collection: string;
  source: string;
  status: string; // running | finished
  units_total: number;
  units_done: number;
  counts: string; // JSON
  started_at: string;
  finished_at: string | null;
}

export interface ImportDocumentsTable {
  document_key: string;
  collection: string;
  fingerprint: string;
  condition_id: number;
  run_id: number;
  imported_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  event: string;
  answer_id: number | null;
  recipients: string; // JSON array of usernames
  payload: string; // JSON
  created_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  status: Generated<string>; // pending | sent | failed (migration 007_outbox)
  next_attempt_at: string | null;
  dedupe_key: string | null;
  recipient: string | null; // the one account a row is for (migration 011)
  read_at: string | null; // when that person read it in the editor
}

export interface EditLocksTable {
  answer_id: number;
  username: string;
  started_at: string;
  seen_at: string;
}

export interface ScheduledPublicationsTable {
  answer_id: number;
  revision_id: number;
  publish_at: string;
  created_by: string;
  created_at: string;
}

export interface AccountLinksTable {
  id: string;
  user_id: number;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The question log, gap decisions and page feedback (migration 004_asklog; src/store/ask-log.ts). */
export interface AskLogTable {
  id: Generated<number>;
  hour: string;
  channel: string;
  focus: string;
  focus_known: number;
  aspect: string;
  outcome: string;
  answer_ref: string | null;
  score: number | null;
  reason: string | null;
  question: string;
}

export interface GapDecisionsTable {
  focus: string;
  aspect: string;
  status: string;
  reason: string | null;
  target_focus: string | null;
  target_aspect: string | null;
  answer_id: number | null;
  actor: string;
  decided_at: string;
}

export interface PageFeedbackTable {
  id: Generated<number>;
  answer_id: number;
  revision_id: number;
  helpful: number;
  comment: string | null;
  hour: string;
}

export interface Database {
  conditions: ConditionsTable;
  condition_synonyms: ConditionSynonymsTable;
  condition_codes: ConditionCodesTable;
  reviewers: ReviewersTable;
  answers: AnswersTable;
  revisions: RevisionsTable;
  revision_sources: RevisionSourcesTable;
  approvals: ApprovalsTable;
  audit_events: AuditEventsTable;
  meta: MetaTable;
  answer_origins: AnswerOriginsTable;
  import_runs: ImportRunsTable;
  import_documents: ImportDocumentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  comments: CommentsTable;
  review_schedule: ReviewScheduleTable;
  notifications: NotificationsTable;
  edit_locks: EditLocksTable;
  scheduled_publications: ScheduledPublicationsTable;
  account_links: AccountLinksTable;
  ask_log: AskLogTable;
  gap_decisions: GapDecisionsTable;
  page_feedback: PageFeedbackTable;
}
