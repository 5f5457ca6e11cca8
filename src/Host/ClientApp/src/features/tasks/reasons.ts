/**
 * True when `outcome` needs a reason (the task's `reasonRequiredFor`, from its HumanTask) and none is given yet: the
 * page asks for it before submitting instead of letting the server refuse the completion.
 */
export function lacksReason(reasonRequiredFor: readonly string[], outcome: string, reason: unknown): boolean {
  return reasonRequiredFor.includes(outcome) && !(typeof reason === 'string' && reason.trim() !== '');
}
