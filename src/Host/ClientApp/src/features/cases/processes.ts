/** The part of a task that tells which workflow instance it belongs to. */
interface InstanceTask {
  instanceId: string;
  status: string;
  createdAt: string;
}

export interface ChildProcess<T extends InstanceTask> {
  instanceId: string;
  tasks: T[];
  /** Some task still open or claimed: the process is still at work. */
  running: boolean;
}

/**
 * The processes a case's own workflow started (a complaint's return-item process, a requisition, a return visit): every
 * instance other than the case's that has tasks on the case, in the order they began, each with its tasks.
 */
export function childProcesses<T extends InstanceTask>(tasks: T[], caseInstanceId: string | null): ChildProcess<T>[] {
  const byInstance = new Map<string, T[]>();
  for (const task of [...tasks].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (task.instanceId === caseInstanceId) continue;
    byInstance.set(task.instanceId, [...(byInstance.get(task.instanceId) ?? []), task]);
  }
  return [...byInstance].map(([instanceId, own]) => ({
    instanceId,
    tasks: own,
    running: own.some((task) => task.status === 'open' || task.status === 'claimed'),
  }));
}
