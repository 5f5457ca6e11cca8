using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Tests.TestActivities;

[Activity("End", "Test", "Ends the workflow with an optional output.", Outcomes = [])]
public sealed class End : IActivity
{
    [Input("The workflow's output.")]
    public Input<JsonNode?>? Output { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Finish(context.Get(Output, null)));
}
