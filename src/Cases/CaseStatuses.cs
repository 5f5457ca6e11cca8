namespace AfterSales.Cases;

/// <summary>
/// The statuses of a case, in the order a case usually passes them, and the one rule for moving between them: any
/// status may follow a status that is not final; a final status (<see cref="Closed"/>, <see cref="Rejected"/>) is kept.
/// </summary>
/// <remarks>The case store applies the same rule in its status-change statement (<c>CaseCommands.ChangeStatus</c>).</remarks>
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

    /// <summary>The statuses a case does not leave.</summary>
    public static readonly IReadOnlyList<string> Final = [Closed, Rejected];

    public static bool IsFinal(string status) => Final.Contains(status);

    /// <summary>
    /// True when a case in <paramref name="from"/> may move to <paramref name="to"/>: <paramref name="to"/> is a status and
    /// <paramref name="from"/> is not final, or the two are the same (setting a final status again changes nothing).
    /// </summary>
    public static bool CanChange(string from, string to) => All.Contains(to) && (!IsFinal(from) || from == to);
}
