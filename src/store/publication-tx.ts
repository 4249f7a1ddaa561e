/**
 * Scheduled publications in one write transaction (StoreTx.publications): "publish revision R of
 * answer A at T", one per answer. The rules (only an approved answer, a time to come) and the
 * due job are the workflow's (schedule-publish, cancel-schedule, publish-scheduled).
 */
import { TxPart } from './tx-part.js';
import type { ScheduledPublication } from './types.js';

export interface PublicationTx {
  /** Replaces the answer's scheduled publication. */
  set(p: ScheduledPublication): Promise<void>;
  /** False when the answer had none. */
  clear(answerId: number): Promise<boolean>;
  /**
   * Removes the schedule of `answerId` due at `publishAt`: true only for the transaction that
   * removed it, so two processes never publish one schedule twice.
   */
  claim(answerId: number, publishAt: string): Promise<boolean>;
}

export class KyselyPublicationTx extends TxPart implements PublicationTx {
  async set(p: ScheduledPublication): Promise<void> {
    await this.clear(p.answerId);
    await this.trx
      .insertInto('scheduled_publications')
      .values({
        answer_id: p.answerId,
        revision_id: p.revisionId,
        publish_at: p.publishAt,
        created_by: p.createdBy,
        created_at: this.at,
      })
      .execute();
  }

  async clear(answerId: number): Promise<boolean> {
    const r = await this.trx
      .deleteFrom('scheduled_publications')
      .where('answer_id', '=', answerId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async claim(answerId: number, publishAt: string): Promise<boolean> {
    const r = await this.trx
      .deleteFrom('scheduled_publications')
      .where('answer_id', '=', answerId)
      .where('publish_at', '=', publishAt)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
