using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Workflows.Tests.Execution;

public sealed class FaultTests : IDisposable
{
    private readonly TestEngine _engine = new(b =>
    {
        b.AddTestActivities().AddActivity<Flaky>();
        b.Services.AddSingleton<FlakySwitch>();
    });

    public void Dispose() => _engine.Dispose();

    private static WorkflowDefinition Definition() => new WorkflowBuilder("flaky").Variable("after", "Boolean", false)
        .Activity("start", "Start")
        .Activity("call", "Flaky")
        .Activity("after", "SetVariable", Expr.Lit("variable", "after"), Expr.Lit("value", true))
        .Connect("start", "call").Connect("call", "after").Build();

    [Fact]
    public async Task AThrowingActivity_LeavesAnIncident_AndTheInstanceFaulted()
    {
        _engine.Services.GetRequiredService<FlakySwitch>().Failing = true;

        var instance = await _engine.StartAsync(Definition());

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("call", "Flaky", "the ERP did not answer"), (incident.ActivityId, incident.ActivityType, incident.Message));
        Assert.Equal(new WorkItem("call", "start", "Done"), Assert.Single(instance.Scheduled));
        var faulted = (await _engine.JournalAsync(instance.Id)).Last();
        Assert.Equal(("call", "Faulted", "the ERP did not answer"), (faulted.ActivityId, faulted.Kind, faulted.Error));
    }

    [Fact]
    public async Task Retry_RunsAgainFromTheFailedActivity_AndResolvesTheIncident()
    {
        var flaky = _engine.Services.GetRequiredService<FlakySwitch>();
        flaky.Failing = true;
        var instance = await _engine.StartAsync(Definition());
        flaky.Failing = false;

        var retried = await _engine.Runtime.RetryAsync(instance.Id);

        Assert.Equal(RunOutcome.Ran, retried.Outcome);
        Assert.Equal(WorkflowStatus.Completed, retried.Instance!.Status);
        Assert.True(retried.Instance.Variables["after"]!.GetValue<bool>());
        Assert.NotNull(Assert.Single(retried.Instance.Incidents).ResolvedAt);
        Assert.Equal(2, flaky.Calls);
        Assert.Empty(retried.Instance.Scheduled);
    }

    [Fact]
    public async Task Retry_OfAnInstanceThatIsNotFaulted_IsRefused()
    {
        var instance = await _engine.StartAsync(Definition());

        var retried = await _engine.Runtime.RetryAsync(instance.Id);

        Assert.Equal(RunOutcome.NotAllowed, retried.Outcome);
        Assert.Equal(WorkflowStatus.Completed, (await _engine.ReloadAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Cancel_DropsBookmarks_AndEndsTheInstance()
    {
        var instance = await _engine.StartAsync(BookmarkTests.Approval());

        var cancelled = await _engine.Runtime.CancelAsync(instance.Id);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Instance!.Status);
        Assert.Empty(cancelled.Instance.Bookmarks);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("HumanTask", null));
    }
}

public sealed class FlakySwitch
{
    public bool Failing { get; set; }
    public int Calls { get; set; }
}

[Activity("Flaky", "Test", "Throws while its switch says so.")]
public sealed class Flaky(FlakySwitch flaky) : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        flaky.Calls++;
        if (flaky.Failing) throw new InvalidOperationException("the ERP did not answer");
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
