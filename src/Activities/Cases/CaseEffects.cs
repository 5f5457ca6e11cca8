namespace AfterSales.Activities.Cases;

/// <summary>The case statuses a workflow sets, in the order a case usually passes them.</summary>
public static class CaseStatuses
{
    public const string Open = "open";
    public const string InProgress = "in_progress";
    public const string WaitingCustomer = "waiting_customer";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    /// <summary>A request turned down (a return not accepted): as final as <see cref="Closed"/>.</summary>
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Open, InProgress, WaitingCustomer, Resolved, Closed, Rejected];
}

/// <summary>The case moves to <paramref name="Status"/>, one of <see cref="CaseStatuses.All"/>.</summary>
public sealed record CaseStatusChanged(string EventKey, string CaseId, string Status, DateTimeOffset At) : ICaseEffect;

/// <summary>The case's owner (a user name) becomes <paramref name="Owner"/>.</summary>
public sealed record CaseOwnerAssigned(string EventKey, string CaseId, string Owner, DateTimeOffset At) : ICaseEffect;

/// <summary>
/// A line on the case's timeline. <paramref name="Kind"/> is <c>status</c>, <c>note</c>, <c>sla</c> or
/// <c>escalation</c>; <paramref name="Text"/> is rendered already. The timeline shows these entries: other effects
/// (a status change, a mail) do not add timeline lines by themselves.
/// </summary>
public sealed record CaseTimelineEntry(string EventKey, string CaseId, string Kind, string Text, DateTimeOffset At) : ICaseEffect;
