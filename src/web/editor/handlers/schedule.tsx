/**
 * Scheduled publishing over HTTP: schedule an approved revision for a time in a given time zone,
 * cancel it, and the due job that publishes (every `intervalMs`, and once at start-up, so a
 * schedule that fell due while the server was down is published when it comes back).
 */
import { z } from 'zod';
import { cancelSchedule, canTransition, schedulePublish, WorkflowError } from '../../../workflow/index.js';
import { runDuePublications, zonedToUtc } from '../../../workflow/scheduled-publishing.js';
import { formBody } from '../bodies.js';
import { type C, type EditorApp, type EditorDeps, notFound } from '../context.js';

const ScheduleForm = z.object({
  publish_at: z.string().default(''),
  tz: z.string().default('UTC'),
  revision_id: z
    .string()
    .regex(/^\d+$/, 'expected a revision number')
    .transform((v) => Number(v)),
});

export function registerSchedule(app: EditorApp, deps: EditorDeps, options: { intervalMs?: number } = {}) {
  const { repo } = deps;

  const publishDue = (now = new Date()) =>
    runDuePublications(
      repo,
      async (s) => {
        const user = await repo.getUser(s.createdBy);
        if (!user || user.disabled)
          throw new WorkflowError('forbidden', `${s.createdBy} can no longer publish`);
        return user;
      },
      now,
    );

  const interval = options.intervalMs ?? Number(process.env.MEDBRIEF_SCHEDULER_MS ?? 30_000);
  if (interval > 0) {
    const tick = () => {
      publishDue().catch((err) => console.error('scheduled publishing failed:', (err as Error).message));
    };
    setTimeout(tick, 1000).unref();
    setInterval(tick, interval).unref();
  }

  /** The answer a schedule route names, for a user who may publish. */
  const publisherAnswer = async (c: C) => {
    const s = c.get('session')!;
    const id = Number(c.req.param('id'));
    if (!(await repo.getAnswer(id))) throw notFound(c);
    if (!canTransition(s.user.role, 'approved', 'publish').allowed) {
      throw new WorkflowError(
        'forbidden',
        `publishing is for editors and admins; you are signed in as ${s.user.role}`,
      );
    }
    return { s, id };
  };

  app.post('/editor/answers/:id/schedule', async (c) => {
    const { s, id } = await publisherAnswer(c);
    const body = await formBody(c, ScheduleForm);
    const at = zonedToUtc(body.publish_at, body.tz || 'UTC');
    await repo.run(schedulePublish, { answerId: id, revisionId: body.revision_id, publishAt: at }, s.user);
    return c.redirect(`/editor/answers/${id}?notice=scheduled`, 303);
  });

  app.post('/editor/answers/:id/schedule/cancel', async (c) => {
    const { s, id } = await publisherAnswer(c);
    await repo.run(cancelSchedule, { answerId: id }, s.user);
    return c.redirect(`/editor/answers/${id}?notice=unscheduled`, 303);
  });

  return { publishDue };
}
