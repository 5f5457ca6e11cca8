namespace AfterSales.Cases.Escalations;

/// <summary>
/// The case is escalated to <paramref name="Level"/> (1, 2, …) for <paramref name="Reason"/> (e.g. <c>first_response</c>,
/// <c>return_visit_overdue</c>): mark the case escalated at that level (a higher level replaces a lower one).
/// <paramref name="To"/> are the recipients told, as in <see cref="Mail.MailRequested"/>; the mail itself comes as a
/// <see cref="Mail.MailRequested"/> with the same event key, and the timeline line as a <see cref="CaseTimelineEntry"/>.
/// </summary>
[EffectName("case.escalated")]
public sealed record CaseEscalated(string EventKey, string CaseId, int Level, string Reason, IReadOnlyList<string> To, DateTimeOffset At) : ICaseEffect;
