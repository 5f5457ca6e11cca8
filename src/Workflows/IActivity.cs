namespace AfterSales.Workflows;

/// <summary>
/// An activity: one step of a flowchart. The engine creates one instance per node of a definition version,
/// binds its <see cref="Input{T}"/> properties from the node's expressions, and shares it across runs and
/// threads: an activity keeps no per-run state in fields. Per-run state goes through <see cref="ActivityContext"/>.
/// </summary>
public interface IActivity
{
    /// <summary>Runs the step. Completes with zero or more outcomes, suspends on a bookmark, or faults (by throwing).</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}

/// <summary>An activity that suspends on a bookmark and is resumed later with a payload.</summary>
public interface IResumableActivity : IActivity
{
    /// <summary>
    /// Continues after the bookmark is resumed. To refuse the payload (wrong outcome, invalid form), throw
    /// <see cref="InvalidResumePayloadException"/> before changing anything: the instance then stays as it was
    /// and the bookmark stays pending.
    /// </summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume);
}

/// <summary>What a bookmark was resumed with.</summary>
public sealed record ResumeInput(Bookmark Bookmark, System.Text.Json.Nodes.JsonNode? Payload);

/// <summary>
/// The payload given to a resume was refused; <see cref="Field"/> names the offending field (the first, when
/// <see cref="Errors"/> lists several).
/// </summary>
public sealed class InvalidResumePayloadException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>Every refused field (a JSON path) with its messages, when the activity checked several.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
