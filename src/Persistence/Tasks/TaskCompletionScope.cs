using System.Text.Json.Nodes;

namespace AfterSales.Persistence.Tasks;

/// <summary>
/// Hands the projection what a task was completed with, for the duration of the resume call that completes it.
/// </summary>
/// <remarks>
/// Why: the projection learns a task's outcome, form and user from the burst's journal, but the journal truncates values
/// over 1,024 characters and a filled-in form is often longer. The caller that resumes the bookmark has the whole form;
/// it opens this scope around <c>WorkflowRuntime.ResumeAsync</c> and the projection, which runs inside that call,
/// takes the form from here. A resume through any other route falls back to the journal.
/// </remarks>
public static class TaskCompletionScope
{
    private static readonly AsyncLocal<Completion?> Current = new();

    public static IDisposable Begin(string taskId, string? user, JsonNode? formData)
    {
        var previous = Current.Value;
        Current.Value = new Completion(taskId, user, formData);
        return new Restore(previous);
    }

    internal static Completion? For(string taskId) => Current.Value is { } c && c.TaskId == taskId ? c : null;

    internal sealed record Completion(string TaskId, string? User, JsonNode? FormData);

    private sealed class Restore(Completion? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
