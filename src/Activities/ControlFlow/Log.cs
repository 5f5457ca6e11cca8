using AfterSales.Workflows;
using Microsoft.Extensions.Logging;

namespace AfterSales.Activities.ControlFlow;

[Activity("Log", "Control flow", "Writes a message to the application log (and the journal).")]
public sealed class Log(ILogger<Log> logger) : IActivity
{
    [Input("The message; Liquid templates read variables, e.g. Case {{ variables.caseNumber }}.", Required = true, UIHint = "multiline")]
    public Input<string> Message { get; set; } = null!;

    [Input("Information, Warning or Error.", DefaultJson = "\"Information\"", UIHint = "dropdown", Options = ["Information", "Warning", "Error"])]
    public Input<string> Level { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var level = Enum.TryParse<LogLevel>(context.Get(Level), out var l) ? l : LogLevel.Information;
        if (logger.IsEnabled(level))
            logger.Log(level, "Workflow {InstanceId} {ActivityId}: {Message}", context.InstanceId, context.ActivityId, context.Get(Message));
        else
            context.Get(Message); // still evaluated, so the journal shows what was said
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
