namespace AfterSales.Cases.Sla;

/// <summary>
/// The case's SLA clock <paramref name="Clock"/> (e.g. <c>first_response</c>) runs from <paramref name="StartedAt"/>:
/// the case is due by <paramref name="DueAt"/>, its owner is warned at <paramref name="WarningAt"/> when set. Starting
/// a clock of the same name again replaces it.
/// </summary>
[EffectName("sla.clock_started")]
public sealed record SlaClockStarted(string EventKey, string CaseId, string Clock, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? WarningAt, DateTimeOffset At) : ICaseEffect;

/// <summary>
/// The customer got the case's first response at <paramref name="At"/>, from <paramref name="By"/> when known: this
/// stops the <c>first_response</c> clock, met when <paramref name="At"/> is not after its due time, else breached by the
/// difference. A later one for the same case changes nothing: the first counts.
/// </summary>
[EffectName("sla.first_response_recorded")]
public sealed record FirstResponseRecorded(string EventKey, string CaseId, string? By, DateTimeOffset At) : ICaseEffect;
