using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class EffectTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities().AddActivity<Announce>());

    public void Dispose() => _engine.Dispose();

    private static WorkflowDefinition Definition() => new WorkflowBuilder("announce")
        .Activity("start", "Start")
        .Activity("first", "Announce", Expr.Lit("text", "received"))
        .Activity("task", "HumanTask", Expr.Lit("role", "gm"), Expr.Lit("title", "Approve"), Expr.Lit("outcomes", Expr.List("Approve")))
        .Activity("second", "Announce", Expr.Lit("text", "approved"))
        .Connect("start", "first").Connect("first", "task").Connect("task", "Approve", "second").Build();

    [Fact]
    public async Task Effects_AreSavedWithTheBurstThatEmittedThem()
    {
        var instance = await _engine.StartAsync(Definition());
        Assert.Equal(["received"], _engine.Store.GetEffects(instance.Id).Cast<Announcement>().Select(a => a.Text));

        await _engine.Runtime.ResumeAsync(instance.Id, instance.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });

        Assert.Equal(["received", "approved"], _engine.Store.GetEffects(instance.Id).Cast<Announcement>().Select(a => a.Text));
    }

    [Fact]
    public async Task ARefusedResume_EmitsNothing()
    {
        var instance = await _engine.StartAsync(Definition());

        var refused = await _engine.Runtime.ResumeAsync(instance.Id, instance.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Maybe" });

        Assert.Equal(RunOutcome.Rejected, refused.Outcome);
        Assert.Single(_engine.Store.GetEffects(instance.Id));
    }

    public sealed record Announcement(string InstanceId, string Text);

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
}
