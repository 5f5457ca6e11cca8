namespace AfterSales.Cases;

/// <summary>The case moves to <paramref name="Status"/>, one of <see cref="CaseStatuses.All"/>.</summary>
[EffectName("case.status_changed")]
public sealed record CaseStatusChanged(string EventKey, string CaseId, string Status, DateTimeOffset At) : ICaseEffect;

/// <summary>The case's owner (a user name) becomes <paramref name="Owner"/>.</summary>
[EffectName("case.owner_assigned")]
public sealed record CaseOwnerAssigned(string EventKey, string CaseId, string Owner, DateTimeOffset At) : ICaseEffect;

/// <summary>
/// A line on the case's timeline. <paramref name="Kind"/> is <c>status</c>, <c>note</c>, <c>sla</c> or
/// <c>escalation</c>; <paramref name="Text"/> is rendered already. The timeline shows these entries: other effects
/// (a status change, a mail) do not add timeline lines by themselves.
/// </summary>
[EffectName("case.timeline_entry")]
public sealed record CaseTimelineEntry(string EventKey, string CaseId, string Kind, string Text, DateTimeOffset At) : ICaseEffect;
