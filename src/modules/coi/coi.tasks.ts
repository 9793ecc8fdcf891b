// "What needs you" on the home page (kernel/tasks.ts): conflict-of-interest declarations waiting for
// the person's review, mitigations of theirs past the due date, and their own periodic declaration
// when it is still missing. Counts only.
import type { Task, TaskSource } from '../../kernel/tasks.ts';
import { ownDeclarations, declarationsToReview, personOfAccount } from './coi.queries.ts';
import { periodOf } from './coi.rules.ts';

export const coiTasks: TaskSource = async ({ db, actor, today }) => {
  const tasks: Task[] = [];
  const toReview = await declarationsToReview(db, actor);
  const waiting = toReview.filter((d) => d.state === 'submitted').length;
  const overdue = toReview.filter((d) => d.state === 'mitigating' && d.dueOn !== null && d.dueOn < today).length;
  if (overdue) tasks.push({ href: '/konflik-kepentingan', key: 'coi.task.overdue', params: { n: overdue }, tone: 'danger' });
  if (waiting) tasks.push({ href: '/konflik-kepentingan', key: 'coi.task.review', params: { n: waiting }, tone: 'warning' });
  const person = await personOfAccount(db, actor.accountId);
  if (person) {
    const period = periodOf(today);
    if (!(await ownDeclarations(db, person.id)).some((d) => d.kind === 'periodic' && d.period === period)) {
      tasks.push({ href: '/konflik-kepentingan/deklarasi/baru?jenis=berkala', key: 'coi.task.periodic', params: { period }, tone: 'info' });
    }
  }
  return tasks;
};
