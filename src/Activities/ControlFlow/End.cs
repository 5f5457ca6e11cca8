using System.Text.Json.Nodes;
using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

[Activity("End", "Control flow", "Ends the workflow: other waiting branches are cancelled. The optional output is what a parent RunWorkflow receives.", Outcomes = [])]
public sealed class End : IActivity
{
    [Input("The workflow's output, usually a JavaScript object built from variables.", UIHint = "code")]
    public Input<JsonNode?>? Output { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Finish(context.Get(Output, null)));
}
