using System.Text.Json.Nodes;
using AfterSales.Activities.HumanTasks;
using AfterSales.Activities.Mail;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>
/// One case run through the workflows of workflows-json, in memory with a fake clock, so a test reads like the process:
/// start it, complete the open task of a role with an outcome and a form, let time pass, then look at the tasks that
/// appeared and the effects emitted by the process and every sub-flow it ran.
/// </summary>
internal sealed class CaseProcess : IDisposable
{
    public const string CaseId = "AS-2026-000123";

    private readonly TestEngine _engine;

    /// <param name="allowedAddresses">The literal addresses the install lets workflows mail (<c>Mail:AllowedAddresses</c>).</param>
    public CaseProcess(params string[] allowedAddresses)
    {
        _engine = new TestEngine(b =>
        {
            b.AddAfterSalesActivities();
            b.Services.AddSingleton(new MailRecipientOptions { AllowedAddresses = allowedAddresses });
            b.Services.AddSingleton<IWorkflowInstanceStore>(sp => new RecordingInstanceStore(sp.GetRequiredService<InMemoryWorkflowStore>()));
        });
        Recorder = (RecordingInstanceStore)_engine.Services.GetRequiredService<IWorkflowInstanceStore>();
        foreach (var definition in WorkflowFiles.Definitions) _engine.Store.Publish(definition);
    }

    public RecordingInstanceStore Recorder { get; }
    public WorkflowRuntime Runtime => _engine.Runtime;
    public DateTimeOffset StartedAt { get; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public DateTimeOffset Now => _engine.Time.GetUtcNow();

    /// <summary>Publishes a new version of <paramref name="definitionId"/> with another default for a variable, as a process owner does in the designer.</summary>
    public async Task SetDefaultAsync(string definitionId, string variable, JsonNode value)
    {
        var published = (await _engine.Store.FindPublishedAsync(definitionId))!;
        _engine.Store.Publish(published with
        {
            Version = published.Version + 1,
            Variables = published.Variables.Select(v => v.Name == variable ? v with { Default = value } : v).ToList(),
        });
    }

    /// <summary>The process's instance id, once started.</summary>
    public string InstanceId { get; private set; } = "";

    /// <summary>Starts the published process as the Host does for a case: with the case's fields it declares as inputs.</summary>
    public async Task StartAsync(string definitionId, JsonObject input)
    {
        var published = await _engine.Store.FindPublishedAsync(definitionId) ?? throw new InvalidOperationException($"no '{definitionId}'");
        var result = await _engine.Runtime.StartAsync(definitionId, published.AcceptedInputs(input), CaseId);
        Assert.True(result.Succeeded, result.Message);
        InstanceId = result.Instance!.Id;
    }

    public async Task<WorkflowInstance> InstanceAsync(string? instanceId = null) => (await _engine.Store.FindAsync(instanceId ?? InstanceId))!;

    public async Task<IReadOnlyList<OpenTask>> OpenTasksAsync()
    {
        var tasks = new List<OpenTask>();
        foreach (var found in await _engine.Store.FindBookmarksAsync(HumanTask.BookmarkName, CaseId))
        {
            var instance = await InstanceAsync(found.InstanceId);
            var b = instance.Bookmarks.Single(x => x.Id == found.BookmarkId);
            tasks.Add(new OpenTask(instance.Id, b.Id, instance.DefinitionId, b.ActivityId, (string)b.Payload!["role"]!, (string)b.Payload["title"]!,
                (string?)b.Payload["form"], b.Payload["outcomes"]!.AsArray().Select(o => (string)o!).ToArray(), (string?)b.Payload["dueAt"]));
        }
        return tasks;
    }

    /// <summary>Completes the one open task of <paramref name="role"/> (of activity <paramref name="activity"/> when given) as <paramref name="user"/>.</summary>
    public async Task CompleteAsync(string role, string outcome = "Done", JsonObject? form = null, string? activity = null, string? user = null)
    {
        var open = await OpenTasksAsync();
        var candidates = open.Where(t => t.Role == role && (activity is null || t.ActivityId == activity)).ToList();
        Assert.True(candidates.Count == 1,
            $"expected one open task for {role}{(activity is null ? "" : $" ({activity})")}, found: {string.Join(", ", open.Select(t => t.ToString()))}");
        var task = candidates[0];
        var result = await _engine.Runtime.ResumeAsync(task.InstanceId, task.BookmarkId,
            new JsonObject { ["outcome"] = outcome, ["form"] = form?.DeepClone(), ["user"] = user ?? DefaultUser(role) });
        Assert.True(result.Succeeded, $"{task}: {result.Field} {result.Message}");
    }

    /// <summary>Lets time pass and wakes every timer due by then, as the host's timer job does.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        _engine.Time.Advance(by);
        while (await _engine.Runtime.ResumeDueTimersAsync(Now) > 0)
        {
        }
    }

    /// <summary>Lets time pass up to <paramref name="sinceStart"/> after the start.</summary>
    public Task AdvanceToAsync(TimeSpan sinceStart) => AdvanceAsync(StartedAt + sinceStart - Now);

    /// <summary>The ids of the instances of <paramref name="definitionId"/> started so far for the case, in order.</summary>
    public IReadOnlyList<string> InstancesOf(string definitionId) =>
        Recorder.Started.Where(i => i.DefinitionId == definitionId).Select(i => i.Id).ToList();

    /// <summary>The tasks that appeared, as <c>role:activity</c>, in order.</summary>
    public IReadOnlyList<string> Tasks => Recorder.Tasks.Select(t => t.ToString()).ToList();

    public IReadOnlyList<ICaseEffect> Effects => Recorder.Effects.OfType<ICaseEffect>().ToList();
    public IReadOnlyList<T> EffectsOf<T>() => Recorder.Effects.OfType<T>().ToList();
    public IReadOnlyList<MailRequested> Mails => EffectsOf<MailRequested>();
    public IReadOnlyList<string> Statuses => EffectsOf<CaseStatusChanged>().Select(s => s.Status).ToList();
    public IReadOnlyList<string> Timeline => EffectsOf<CaseTimelineEntry>().Select(e => e.Text).ToList();
    public IReadOnlyList<int> EscalationLevels => EffectsOf<CaseEscalated>().Select(e => e.Level).ToList();

    /// <summary>The recipients of each mail, one string per mail, e.g. <c>role:gm</c> or <c>owner, customer</c>.</summary>
    public IReadOnlyList<string> MailRecipients => Mails.Select(m => string.Join(", ", m.To)).ToList();

    public static string DefaultUser(string role) => role + ".user";

    public void Dispose() => _engine.Dispose();
}

internal sealed record OpenTask(string InstanceId, string BookmarkId, string DefinitionId, string ActivityId, string Role, string Title, string? Form, IReadOnlyList<string> Outcomes, string? DueAt)
{
    public override string ToString() => $"{Role}:{ActivityId} ({DefinitionId})";
}
