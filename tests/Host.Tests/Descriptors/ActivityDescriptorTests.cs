using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Descriptors;

[Collection(PostgresCollection.Name)]
public sealed class ActivityDescriptorTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task Descriptors_ListTheCoreActivities_WithTheirInputsAndOutcomes()
    {
        var descriptors = (await Client.GetJsonAsync("/api/activity-descriptors")).AsArray();

        var types = descriptors.Select(d => d!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Start", types);
        Assert.Contains("WaitForSignal", types);
        var humanTask = descriptors.Single(d => d!["type"]!.GetValue<string>() == "HumanTask")!;
        Assert.True(humanTask["resumable"]!.GetValue<bool>());
        var role = humanTask["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "role")!;
        Assert.True(role["required"]!.GetValue<bool>());
        var decision = descriptors.Single(d => d!["type"]!.GetValue<string>() == "Decision")!;
        Assert.Equal(["True", "False"], decision["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
    }
}
