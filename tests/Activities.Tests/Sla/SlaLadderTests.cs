using System.Text.Json.Nodes;
using AfterSales.Activities.Tests.Processes;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases.Sla;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Activities.Tests.Sla;

/// <summary>The sla_first_response ladder of workflows-json on a business calendar, with the case's pauses.</summary>
public sealed class SlaLadderTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly TestCaseFile _caseFile = new();
    private readonly TestEngine _engine;

    public SlaLadderTests() => _engine = new TestEngine(b => b.AddAfterSalesActivities().Services.AddSingleton<IWorkflowGlobal>(_caseFile));

    [Fact]
    public async Task OnABusinessCalendar_TheDueTimeAndEveryStepCountWorkingHours()
    {
        // Received Monday 17:00 Beijing time; working days 09:00–18:00.
        var instance = await StartAsync("""{"timeZone":"Asia/Shanghai"}""");

        var clock = Assert.Single(Effects<SlaClockStarted>(instance));
        var dueAt = At(11, 26, 14); // 24 working hours: Mon 1, Tue 9, Wed 9, Thu 5
        Assert.Equal((dueAt, At(11, 25, 17)), (clock.DueAt, clock.WarningAt));

        await AdvanceToAsync(At(11, 25, 17)); // 18 working hours
        Assert.Equal(["owner"], Effects<MailRequested>(instance).Select(m => string.Join(", ", m.To)));
        await AdvanceToAsync(dueAt.AddSeconds(-1));
        Assert.Empty(Effects<CaseEscalated>(instance));
        await AdvanceToAsync(dueAt);
        Assert.Equal([(1, dueAt)], Effects<CaseEscalated>(instance).Select(e => (e.Level, e.At)));
        var second = At(12, 1, 11); // 48 working hours: Mon 1, Tue–Fri 36, weekend off, Mon 9, Tue 2
        await AdvanceToAsync(second.AddSeconds(-1));
        Assert.Single(Effects<CaseEscalated>(instance));
        await AdvanceToAsync(second);
        Assert.Equal([(1, dueAt), (2, second)], Effects<CaseEscalated>(instance).Select(e => (e.Level, e.At)));
    }

    [Fact]
    public async Task WhenTheCaseWaitedForTheCustomer_TheEscalationIsPushedBackByThePausedTime()
    {
        var instance = await StartAsync(calendar: null);
        var received = _engine.Time.GetUtcNow();
        _caseFile.Pause(received.AddHours(20), TimeSpan.Zero);

        await AdvanceToAsync(received.AddHours(24));
        Assert.Empty(Effects<CaseEscalated>(instance)); // still waiting for the customer
        _caseFile.Pause(null, TimeSpan.FromHours(5)); // answered at 25 h
        await AdvanceToAsync(received.AddHours(25));
        await AdvanceToAsync(received.AddHours(29).AddSeconds(-1));
        Assert.Empty(Effects<CaseEscalated>(instance));

        await AdvanceToAsync(received.AddHours(29));
        Assert.Equal([(1, received.AddHours(29))], Effects<CaseEscalated>(instance).Select(e => (e.Level, e.At)));
    }

    [Fact]
    public async Task WithoutACalendar_TheWallClockIsTheDefault()
    {
        var instance = await StartAsync(calendar: null);
        var received = _engine.Time.GetUtcNow();

        var clock = Assert.Single(Effects<SlaClockStarted>(instance));
        Assert.Equal((received.AddHours(24), received.AddHours(18)), (clock.DueAt, clock.WarningAt));
        await AdvanceToAsync(received.AddHours(24));
        Assert.Equal([(1, received.AddHours(24))], Effects<CaseEscalated>(instance).Select(e => (e.Level, e.At)));
    }

    public void Dispose() => _engine.Dispose();

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Beijing);

    private async Task<string> StartAsync(string? calendar)
    {
        var ladder = WorkflowFiles.Definitions.Single(d => d.DefinitionId == "sla_first_response");
        ladder = ladder with
        {
            Variables = ladder.Variables.Select(v => v.Name == "slaCalendar" ? v with { Default = calendar is null ? null : JsonNode.Parse(calendar) } : v).ToList(),
        };
        var instance = await _engine.StartAsync(ladder, new JsonObject { ["caseNumber"] = "AS-1", ["receivedAt"] = _engine.Time.GetUtcNow().ToString("O") }, "AS-1");
        return instance.Id;
    }

    private IReadOnlyList<T> Effects<T>(string instanceId) => _engine.Store.GetEffects(instanceId).OfType<T>().ToList();

    /// <summary>Moves the clock to a moment and wakes what is due then, as the Hangfire pump would.</summary>
    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        _engine.Time.SetUtcNow(at);
        while (await _engine.Runtime.ResumeDueTimersAsync(at) > 0) { }
    }
}
