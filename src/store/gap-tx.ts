/**
 * Gap decisions in one write transaction (StoreTx.gaps): what an editor decided about a group of
 * unanswered questions (drafted, not in scope, merged into another group), one row per group.
 * The rules and the audit event are the workflow's decide-gap action; reads are AskLogRepo's.
 */
import type { GapDecision } from './ask-log.js';
import { TxPart } from './tx-part.js';

export interface GapTx {
  /** Replaces the decision on the decision's group (focus and aspect); stamped with the tx clock. */
  decide(d: Omit<GapDecision, 'decidedAt'>): Promise<void>;
}

export class KyselyGapTx extends TxPart implements GapTx {
  async decide(d: Omit<GapDecision, 'decidedAt'>): Promise<void> {
    await this.trx
      .deleteFrom('gap_decisions')
      .where('focus', '=', d.focus)
      .where('aspect', '=', d.aspect)
      .execute();
    await this.trx
      .insertInto('gap_decisions')
      .values({
        focus: d.focus,
        aspect: d.aspect,
        status: d.status,
        reason: d.reason,
        target_focus: d.targetFocus,
        target_aspect: d.targetAspect,
        answer_id: d.answerId,
        actor: d.actor,
        decided_at: this.at,
      })
      .execute();
  }
}
