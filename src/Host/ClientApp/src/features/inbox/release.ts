import type { components } from '../../shared/api/schema';

type TaskView = components['schemas']['TaskView'];

/** The roles that may give back a task someone else claimed (src/Host/Tasks/TaskActor.cs `MayReleaseOthers`). */
export const releaseOthersRoles = ['aftersales_manager', 'admin'] as const;

/**
 * Whether the person is offered **Release** on a task: only a claimed one, and only to its claimer or a supervisor —
 * the same rule the server applies to `POST /api/tasks/{id}/release`.
 */
export function mayRelease(
  task: Pick<TaskView, 'status' | 'claimedBy'>,
  user: { userName: string; roles: readonly string[] } | null | undefined,
): boolean {
  if (!user || task.status !== 'claimed' || !task.claimedBy) return false;
  return task.claimedBy === user.userName || releaseOthersRoles.some((role) => user.roles.includes(role));
}
