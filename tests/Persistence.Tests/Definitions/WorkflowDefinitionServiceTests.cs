using System.Text;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;
using static AfterSales.Persistence.Tests.Infrastructure.TestWorkflows;

namespace AfterSales.Persistence.Tests.Definitions;

public sealed class WorkflowDefinitionServiceTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private WorkflowDefinitionService Definitions => Host.Definitions;

    [Fact]
    public async Task SaveDraft_OfANewDefinition_StoresVersionOneAsADraft_ThatCannotStartUntilPublished()
    {
        var saved = await Definitions.SaveDraftAsync(WaitsForReply("complaint") with { Version = 7 });

        Assert.Equal(("complaint", 1, false, true), (saved.DefinitionId, saved.Version, saved.IsPublished, saved.IsLatest));
        Assert.Equal(Time.GetUtcNow(), saved.CreatedAt);
        Assert.Null(saved.PublishedAt);
        var start = await Host.Runtime.StartAsync("complaint");
        Assert.Equal(RunOutcome.DefinitionNotFound, start.Outcome);
        Assert.Contains("no published version", start.Message);
    }

    [Fact]
    public async Task SaveDraft_AgainBeforePublishing_ReplacesTheDraftInPlace()
    {
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "first"));

        var saved = await Definitions.SaveDraftAsync(WaitsForReply("complaint", "second") with { Description = "edited" });

        Assert.Equal(1, saved.Version);
        Assert.Equal("edited", saved.Description);
        var version = Assert.Single(await Definitions.ListVersionsAsync("complaint"));
        Assert.Equal("edited", version.Description);
        var stored = await Definitions.GetAsync("complaint");
        Assert.Equal("second", stored!.Root.Activities.Single(a => a.Id == "end").Inputs["output"].Text);
    }

    [Fact]
    public async Task Publish_MakesTheDraftStartable()
    {
        await Definitions.SaveDraftAsync(WaitsForReply("complaint"));
        Time.Advance(TimeSpan.FromMinutes(5));

        var published = await Definitions.PublishAsync("complaint");

        Assert.Equal((1, true, true), (published.Version, published.IsPublished, published.IsLatest));
        Assert.Equal(Time.GetUtcNow(), published.PublishedAt);
        var instance = await StartAsync("complaint");
        Assert.Equal(1, instance.DefinitionVersion);
    }

    [Fact]
    public async Task Publish_OfTheVersionAlreadyPublished_ChangesNothing()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var first = (await Definitions.ListVersionsAsync("complaint")).Single();
        Time.Advance(TimeSpan.FromHours(1));

        var again = await Definitions.PublishAsync("complaint");

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task SaveDraft_AfterPublishing_AddsVersionTwo_WhileNewInstancesStillStartOnVersionOne()
    {
        await PublishAsync(WaitsForReply("complaint", "v1"));

        var draft = await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v2"));

        Assert.Equal((2, false, true), (draft.Version, draft.IsPublished, draft.IsLatest));
        var versions = await Definitions.ListVersionsAsync("complaint");
        Assert.Equal([(2, false, true), (1, true, false)], versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)));
        Assert.Equal(1, (await StartAsync("complaint")).DefinitionVersion);
    }

    [Fact]
    public async Task Publish_OfVersionTwo_MovesNewInstancesToIt_WhileAnInstanceOfVersionOneResumesOnVersionOne()
    {
        await PublishAsync(WaitsForReply("complaint", "v1"));
        var old = await StartAsync("complaint", correlationId: "AS-1");
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v2"));

        var published = await Definitions.PublishAsync("complaint");

        Assert.Equal(2, published.Version);
        Assert.False((await Definitions.ListVersionsAsync("complaint")).Single(v => v.Version == 1).IsPublished);
        var fresh = await StartAsync("complaint", correlationId: "AS-2");
        Assert.Equal(2, fresh.DefinitionVersion);
        var resumed = await Host.Runtime.ResumeAsync(old.Id, old.Bookmarks.Single().Id, Reply());
        Assert.True(resumed.Succeeded, resumed.Message);
        Assert.Equal("v1", resumed.Instance!.Output!.GetValue<string>());
        Assert.Equal(1, resumed.Instance.DefinitionVersion);
    }

    [Fact]
    public async Task Retract_StopsNewStarts_WhileRunningInstancesContinue()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var running = await StartAsync("complaint");

        var retracted = await Definitions.RetractAsync("complaint");

        Assert.Equal((1, false), (retracted.Version, retracted.IsPublished));
        Assert.Equal(RunOutcome.DefinitionNotFound, (await Host.Runtime.StartAsync("complaint")).Outcome);
        var resumed = await Host.Runtime.ResumeAsync(running.Id, running.Bookmarks.Single().Id, Reply());
        Assert.Equal(Workflows.WorkflowStatus.Completed, resumed.Instance!.Status);
    }

    [Fact]
    public async Task SaveDraft_AfterRetracting_AddsANewVersion_BecauseARetractedVersionMayStillHaveInstances()
    {
        await PublishAsync(WaitsForReply("complaint", "v1"));
        await Definitions.RetractAsync("complaint");

        var draft = await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v2"));

        Assert.Equal(2, draft.Version);
        Assert.Contains("\"v1\"", await Definitions.ExportAsync("complaint", 1));
    }

    [Fact]
    public async Task Retract_WhenNothingIsPublished_OrTheDefinitionIsUnknown_Throws()
    {
        await Definitions.SaveDraftAsync(WaitsForReply("complaint"));

        var nothingPublished = await Assert.ThrowsAsync<InvalidOperationException>(() => Definitions.RetractAsync("complaint"));
        var unknown = await Assert.ThrowsAsync<DefinitionNotFoundException>(() => Definitions.RetractAsync("nope"));

        Assert.Contains("no published version", nothingPublished.Message);
        Assert.Equal("nope", unknown.DefinitionId);
    }

    [Fact]
    public async Task Publish_OfAnUnknownDefinition_ThrowsDefinitionNotFound()
    {
        var e = await Assert.ThrowsAsync<DefinitionNotFoundException>(() => Definitions.PublishAsync("nope"));

        Assert.Equal("nope", e.DefinitionId);
    }

    [Fact]
    public async Task List_GivesTheLatestVersionOfEachDefinition()
    {
        await PublishAsync(WaitsForReply("complaint"));
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v2"));
        await Definitions.SaveDraftAsync(Waits("return_item", "PT1H"));

        var list = await Definitions.ListAsync();

        Assert.Equal([("complaint", 2), ("return_item", 1)], list.Select(d => (d.DefinitionId, d.Version)));
    }

    [Fact]
    public async Task ListVersions_GivesNewestFirst_AndNothingForAnUnknownDefinition()
    {
        await PublishAsync(WaitsForReply("complaint"));
        await PublishAsync(WaitsForReply("complaint", "v2"));
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v3"));

        Assert.Equal([3, 2, 1], (await Definitions.ListVersionsAsync("complaint")).Select(v => v.Version));
        Assert.Empty(await Definitions.ListVersionsAsync("nope"));
    }

    [Fact]
    public async Task Get_GivesTheLatestOrTheAskedVersion_WithItsNumber()
    {
        await PublishAsync(WaitsForReply("complaint", "v1"));
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "v2"));

        var latest = await Definitions.GetAsync("complaint");
        var first = await Definitions.GetAsync("complaint", 1);

        Assert.Equal(2, latest!.Version);
        Assert.Equal(1, first!.Version);
        Assert.Equal("v1", first.Root.Activities.Single(a => a.Id == "end").Inputs["output"].Text);
        Assert.Null(await Definitions.GetAsync("complaint", 3));
        Assert.Null(await Definitions.GetAsync("nope"));
    }

    [Fact]
    public async Task Export_GivesExactlyTheBytesOfWorkflowJson()
    {
        var definition = WaitsForReply("complaint") with { Description = "客诉流程: first response within 24 h" };
        await PublishAsync(definition);
        await Definitions.SaveDraftAsync(definition);

        var exported = await Definitions.ExportAsync("complaint", 1);
        var latest = await Definitions.ExportAsync("complaint");

        Assert.Equal(WorkflowJson.SerializeToUtf8(definition with { Version = 1 }), Encoding.UTF8.GetBytes(exported!));
        Assert.Equal(WorkflowJson.Serialize(definition with { Version = 2 }), latest);
        Assert.Null(await Definitions.ExportAsync("nope"));
    }

    [Fact]
    public async Task Import_OfANewDefinition_StoresVersionOne_PublishedWhenAsked()
    {
        var imported = await Definitions.ImportAsync(WorkflowJson.Serialize(WaitsForReply("complaint") with { Version = 12 }), publish: true);

        Assert.Equal((1, true, true), (imported.Version, imported.IsPublished, imported.IsLatest));
        Assert.Equal(1, (await StartAsync("complaint")).DefinitionVersion);
    }

    [Fact]
    public async Task Import_OfAnExistingDefinition_AddsADraftVersion_AndLeavesThePublishedOne()
    {
        await PublishAsync(WaitsForReply("complaint", "v1"));

        var imported = await Definitions.ImportAsync(WorkflowJson.Serialize(WaitsForReply("complaint", "v2")));

        Assert.Equal((2, false), (imported.Version, imported.IsPublished));
        Assert.Equal(1, (await StartAsync("complaint")).DefinitionVersion);
    }

    [Fact]
    public async Task Import_OfMalformedJson_ThrowsWorkflowJsonException_AndWritesNothing()
    {
        await Assert.ThrowsAsync<WorkflowJsonException>(() => Definitions.ImportAsync("""{ "definitionId": "complaint", "root": [] }"""));
        await Assert.ThrowsAsync<WorkflowJsonException>(() => Definitions.ImportAsync("not json"));

        Assert.Empty(await Definitions.ListAsync());
    }

    [Fact]
    public async Task SaveDraft_OfAnInvalidDefinition_ThrowsWithTheProblems_AndWritesNothing()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var before = await Definitions.ListVersionsAsync("complaint");

        var e = await Assert.ThrowsAsync<WorkflowValidationException>(() => Definitions.SaveDraftAsync(Invalid("complaint")));
        await Assert.ThrowsAsync<WorkflowValidationException>(() => Definitions.ImportAsync(WorkflowJson.Serialize(Invalid("complaint")), publish: true));

        Assert.Contains(e.Problems, p => p.Field == "connections[0].target.activity");
        Assert.Equal(before, await Definitions.ListVersionsAsync("complaint"));
        Assert.Equal(WorkflowJson.Serialize(WaitsForReply("complaint")), await Definitions.ExportAsync("complaint"));
    }

    [Fact]
    public async Task SaveDraft_ReplacingADraft_IsSeenByTheNextStartOfThatVersion()
    {
        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "first"));
        var first = await Host.Runtime.StartAsync("complaint", version: 1);
        await Host.Runtime.ResumeAsync(first.Instance!.Id, first.Instance.Bookmarks.Single().Id, Reply());

        await Definitions.SaveDraftAsync(WaitsForReply("complaint", "second"));
        var second = await Host.Runtime.StartAsync("complaint", version: 1);
        var resumed = await Host.Runtime.ResumeAsync(second.Instance!.Id, second.Instance.Bookmarks.Single().Id, Reply());

        Assert.Equal("second", resumed.Instance!.Output!.GetValue<string>());
    }

    [Fact]
    public async Task SaveDraft_FromTwoHostsAtOnce_NeverMakesTwoLatestVersions()
    {
        await PublishAsync(WaitsForReply("complaint"));
        var other = await StartHostAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Host : other).Definitions.SaveDraftAsync(WaitsForReply("complaint", $"edit {i}")))));

        var versions = await Definitions.ListVersionsAsync("complaint");
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Single(versions, v => v.IsLatest);
    }
}
