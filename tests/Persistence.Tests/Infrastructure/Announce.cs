using AfterSales.Workflows;

namespace AfterSales.Persistence.Tests.Infrastructure;

/// <summary>What <see cref="Announce"/> emits.</summary>
public sealed record Announcement(string InstanceId, string Text);

/// <summary>A test activity that emits an effect, as a mail or timeline activity would.</summary>
[Activity("Announce", "Test", "Emits an announcement effect.")]
public sealed class Announce : IActivity
{
    [Input("What to announce.", Required = true)]
    public Input<string> Text { get; set; } = null!;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Emit(new Announcement(context.InstanceId, context.Get(Text)));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
