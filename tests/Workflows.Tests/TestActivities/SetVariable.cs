using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Tests.TestActivities;

[Activity("SetVariable", "Test", "Sets a variable to the value of an expression.")]
public sealed class SetVariable : IActivity
{
    [Input("The variable to set.", Required = true)]
    public Input<string> Variable { get; set; } = null!;

    [Input("The new value.")]
    public Input<JsonNode?>? Value { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.Get(Variable), context.Get(Value, null));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
