// "What needs you" on the home page: each module may offer a task source that counts what waits for
// the signed-in person (complaints to assign, a worksheet to review, a declaration to make). Sources
// are handed in by the composition root like the navigation; the kernel knows none of them. A task
// is a link with a message key; sources return counts only, never content.
import type { AccessControl } from './access.ts';
import type { Db } from './db.ts';
import type { LoadedActor } from './http.tsx';
import type { IsoDate } from './workdays.ts';

export interface Task {
  href: string;
  /** i18n key of the line, e.g. 'complaints.task.overdue' with {n} */
  key: string;
  params?: Record<string, string | number>;
  /** danger: a deadline has passed; warning: due soon or waiting on you; info: for your attention */
  tone: 'danger' | 'warning' | 'info';
}

export interface TaskContext {
  db: Db;
  actor: LoadedActor;
  access: AccessControl;
  /** the unit the person works in now (unit switcher), when they reach several */
  unitId: string | null;
  today: IsoDate;
  now: Date;
}

export type TaskSource = (ctx: TaskContext) => Promise<Task[]>;

const ORDER: Record<Task['tone'], number> = { danger: 0, warning: 1, info: 2 };

/**
 * Runs every source (at the same time) and returns their tasks, the urgent first. A failing source
 * is reported through `onError` and left out: the home page never fails because of one module.
 */
export async function collectTasks(sources: readonly TaskSource[], ctx: TaskContext, onError: (err: unknown) => void): Promise<Task[]> {
  const lists = await Promise.all(sources.map(async (s) => {
    try {
      return await s(ctx);
    } catch (err) {
      onError(err);
      return [];
    }
  }));
  return lists.flat().sort((a, b) => ORDER[a.tone] - ORDER[b.tone]);
}
