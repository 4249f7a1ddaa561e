/** GET /editor (the answer list), /editor/queue (reviews due) and /editor/audit (the audit log). */
import { answerListQuery } from '../../../store/answer-list.js';
import { auditToCsv, auditToJson, canReadAudit, parseWindow } from '../../../workflow/index.js';
import { RequestError } from '../../errors.js';
import { reviewQueueWithFeedback } from '../../gaps/routes.js';
import { type EditorApp, type EditorDeps, html } from '../context.js';
import { AuditPage } from '../pages/audit.js';
import { ListPage } from '../pages/list.js';
import { QueuePage } from '../pages/queue.js';

export function registerLists(app: EditorApp, deps: EditorDeps) {
  const { config, repo } = deps;

  app.get('/editor', async (c) => {
    const s = c.get('session')!;
    const raw = c.req.query();
    const query = answerListQuery(raw, config.today());
    const result = await deps.store.editorReads().answerPage(query);
    const params: Record<string, string> = {};
    for (const k of [
      'q',
      'state',
      'aspect',
      'condition',
      'publisher',
      'reviewed',
      'due',
      'sort',
      'dir',
      'per',
    ]) {
      if (raw[k]) params[k] = raw[k]!;
    }
    return html(c, <ListPage config={config} session={s} result={result} query={query} params={params} />);
  });

  app.get('/editor/queue', async (c) => {
    const s = c.get('session')!;
    const within = parseWindow(c.req.query('within') ?? '30d') ?? 30;
    const today = config.today();
    const items = await reviewQueueWithFeedback(deps.store, repo, { withinDays: within, today });
    return html(c, <QueuePage config={config} session={s} items={items} withinDays={within} today={today} />);
  });

  app.get('/editor/audit', async (c) => {
    const s = c.get('session')!;
    if (!canReadAudit(s.user.role)) {
      throw new RequestError(
        403,
        'Not allowed',
        `The audit log is open to editors and admins; you are signed in as ${s.user.role}.`,
      );
    }
    const filter = {
      entity: c.req.query('entity') || undefined,
      entityId: c.req.query('id') || undefined,
      actor: c.req.query('actor') || undefined,
    };
    const format = c.req.query('format');
    if (format === 'csv' || format === 'json') {
      const rows = await repo.listAudit(filter);
      const stamp = config.today();
      return c.body(format === 'csv' ? auditToCsv(rows) : auditToJson(rows), 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="medbrief-audit-${stamp}.${format}"`,
      });
    }
    const rows = await repo.listAudit({ ...filter, limit: 500 });
    const query = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `&${k === 'entityId' ? 'id' : k}=${encodeURIComponent(v!)}`)
      .join('');
    return html(c, <AuditPage config={config} session={s} rows={rows} query={query} />);
  });
}
