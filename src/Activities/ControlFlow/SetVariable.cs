using System.Text.Json.Nodes;
using AfterSales.Workflows;

namespace AfterSales.Activities.ControlFlow;

[Activity("SetVariable", "Control flow", "Sets a workflow variable to the value of an expression.", DisplayName = "Set variable")]
public sealed class SetVariable : IActivity
{
    [Input("The variable to set.", Required = true)]
    public Input<string> Variable { get; set; } = null!;

    [Input("The new value.", UIHint = "code")]
    public Input<JsonNode?>? Value { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.Get(Variable), context.Get(Value, null));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
