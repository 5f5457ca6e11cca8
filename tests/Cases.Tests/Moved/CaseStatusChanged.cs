namespace AfterSales.Cases.Tests.Moved;

/// <summary><see cref="Cases.CaseStatusChanged"/> as if moved to another namespace: same declared name.</summary>
[EffectName("case.status_changed")]
internal sealed record CaseStatusChanged(string EventKey, string CaseId, string Status, DateTimeOffset At);
