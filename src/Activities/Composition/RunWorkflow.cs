using System.Text.Json.Nodes;
using AfterSales.Workflows;

namespace AfterSales.Activities.Composition;

/// <summary>
/// Runs the published version of another workflow as a child, correlated to the same case, and waits for it.
/// Continues with <c>Done</c> and the child's output when it completes, <c>Cancelled</c> when it is cancelled.
/// A child that faults keeps the parent waiting until the child is retried.
/// </summary>
[Activity("RunWorkflow", "Composition", "Starts another workflow as a child and waits for it to finish.", DisplayName = "Run workflow", Outcomes = ["Done", "Cancelled"])]
public sealed class RunWorkflow : IResumableActivity
{
    public const string BookmarkName = "RunWorkflow";

    [Input("The child workflow's definition id, e.g. return_item.", Required = true)]
    public Input<string> DefinitionId { get; set; } = null!;

    [Input("The child's input: an object, usually built in JavaScript from variables.", UIHint = "code")]
    public Input<JsonObject?>? Input { get; set; }

    [Output("The child's output.")]
    public Output<JsonNode?> Output { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.Get(DefinitionId);
        var input = context.Get(Input, null);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, context.CorrelationId,
            Payload: new JsonObject { ["definitionId"] = definitionId })
        {
            ChildWorkflow = new ChildWorkflowRequest(definitionId, input),
        }));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        var status = resume.Payload?["status"]?.GetValue<string>();
        switch (status)
        {
            case nameof(WorkflowStatus.Completed):
                context.Set(Output, resume.Payload?["output"]?.DeepClone());
                return ValueTask.FromResult(ActivityResult.Done);
            case nameof(WorkflowStatus.Cancelled):
                return ValueTask.FromResult(ActivityResult.Outcome("Cancelled"));
            default:
                throw new InvalidOperationException(resume.Payload?["error"]?.GetValue<string>() ?? $"the child workflow ended as {status ?? "unknown"}");
        }
    }
}
