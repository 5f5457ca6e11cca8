using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Seeding;

[Collection(PostgresCollection.Name)]
public sealed class WorkflowSeedingTests(PostgresFixture postgres) : IDisposable
{
    private readonly DirectoryInfo _seeds = Directory.CreateTempSubdirectory("aftersales-seeds-");

    [Fact]
    public async Task FirstStart_ImportsAndPublishesEverySeedFile_AndLaterStartsKeepTheOwnersEdits()
    {
        var database = await postgres.CreateDatabaseAsync("host_seeding");
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "approval.json"), Samples.Approval("seed-approval"));
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "signal.json"), Samples.WaitsForSignal("seed-signal", "goods-received"));

        await using (var first = new HostFactory(database, _seeds.FullName))
        {
            using var client = await first.CreateClient().SignInAsync(Roles.ProcessOwner);
            var seeded = (await client.GetJsonAsync(Api.Definitions)).AsArray();
            Assert.Equal(["seed-approval", "seed-signal"], seeded.Select(d => d!["definitionId"]!.GetValue<string>()));
            Assert.All(seeded, d => Assert.True(d!["isPublished"]!.GetValue<bool>()));
            // A process owner edits one of them.
            var edit = await client.PutAsync($"{Api.Definitions}/seed-approval", Api.Json(Samples.Approval("seed-approval", "Edited")));
            await edit.AssertStatusAsync(HttpStatusCode.OK);
        }
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "later.json"), Samples.Approval("seed-later"));

        await using var second = new HostFactory(database, _seeds.FullName);
        using var again = await second.CreateClient().SignInAsync(Roles.ProcessOwner);

        var definitions = (await again.GetJsonAsync(Api.Definitions)).AsArray();
        Assert.Equal(["seed-approval", "seed-signal"], definitions.Select(d => d!["definitionId"]!.GetValue<string>()));
        Assert.Equal(2, (await again.GetJsonAsync($"{Api.Definitions}/seed-approval/versions")).AsArray().Count);
        Assert.Single((await again.GetJsonAsync($"{Api.Definitions}/seed-signal/versions")).AsArray());
    }

    [Fact]
    public async Task FirstStart_SkipsABrokenSeedFile_AndImportsTheOthers()
    {
        var database = await postgres.CreateDatabaseAsync("host_seeding_broken");
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "a-broken.json"), """{ "definitionId": "broken", "root": """);
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "b-good.json"), Samples.Approval("seed-good"));
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "notes.txt"), "not a workflow");

        await using var factory = new HostFactory(database, _seeds.FullName);
        using var client = await factory.CreateClient().SignInAsync(Roles.ProcessOwner);

        var definitions = (await client.GetJsonAsync(Api.Definitions)).AsArray();
        Assert.Equal("seed-good", Assert.Single(definitions)!["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task FirstStart_WithoutASeedFolder_StartsWithNoDefinitions()
    {
        var database = await postgres.CreateDatabaseAsync("host_seeding_none");

        await using var factory = new HostFactory(database, Path.Combine(_seeds.FullName, "missing"));
        using var client = await factory.CreateClient().SignInAsync(Roles.ProcessOwner);

        Assert.Empty((await client.GetJsonAsync(Api.Definitions)).AsArray());
    }

    public void Dispose() => _seeds.Delete(recursive: true);
}
