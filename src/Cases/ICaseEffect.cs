using AfterSales.Workflows;

namespace AfterSales.Cases;

/// <summary>
/// An effect on a case, emitted by a domain activity with <see cref="ActivityContext.Emit"/> and saved in the
/// same transaction as the burst that emitted it. Whoever applies it (the case store, the mail outbox) keeps these rules:
/// <list type="bullet">
/// <item><see cref="CaseId"/> is the instance's correlation id: the case the workflow works on.</item>
/// <item><see cref="EventKey"/> names the activity execution that emitted it. The effects of one execution share it,
/// at most one of each type, so (type, key) is unique: apply an effect whose (type, key) was applied already as a no-op.</item>
/// <item><see cref="At"/> is the engine's clock when the activity ran, not when the effect is applied.</item>
/// </list>
/// </summary>
public interface ICaseEffect
{
    string EventKey { get; }
    string CaseId { get; }
    DateTimeOffset At { get; }
}
