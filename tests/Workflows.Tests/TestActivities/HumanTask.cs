using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Tests.TestActivities;

/// <summary>
/// Waits on a <c>HumanTask</c> bookmark until resumed with <c>{outcome, user}</c>; an outcome it does not offer is
/// refused, as the engine lets a resumable activity do.
/// </summary>
[Activity("HumanTask", "Test", "Waits for a person to choose an outcome.")]
public sealed class HumanTask : IResumableActivity, IDynamicOutcomes
{
    [Input("The role asked.", Required = true)]
    public Input<string> Role { get; set; } = null!;

    [Input("What is asked.", Required = true)]
    public Input<string> Title { get; set; } = null!;

    [Input("The outcomes offered.", DefaultJson = """["Done"]""")]
    public Input<string[]> Outcomes { get; set; } = null!;

    [Output("The outcome chosen.")]
    public Output<string> Outcome { get; set; } = null!;

    [Output("Who chose it.")]
    public Output<string?> CompletedBy { get; set; } = null!;

    public IReadOnlyList<string>? GetOutcomes() => Outcomes.IsLiteral ? Outcomes.LiteralValue : null;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var asked = new JsonObject { ["role"] = context.Get(Role), ["title"] = context.Get(Title) };
        asked["outcomes"] = new JsonArray(context.Get(Outcomes).Select(o => (JsonNode?)o).ToArray());
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest("HumanTask", Payload: asked)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        var offered = resume.Bookmark.Payload?["outcomes"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];
        var outcome = resume.Payload?["outcome"]?.GetValue<string>();
        if (outcome is null || !offered.Contains(outcome))
            throw new InvalidResumePayloadException("outcome", $"'{outcome}' is not one of {string.Join(", ", offered)}");
        context.Set(Outcome, outcome);
        context.Set(CompletedBy, resume.Payload?["user"]?.GetValue<string>());
        return ValueTask.FromResult(ActivityResult.Outcome(outcome));
    }
}
