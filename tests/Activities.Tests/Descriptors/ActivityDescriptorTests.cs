using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Descriptors;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Activities.Tests.Descriptors;

public sealed class ActivityDescriptorTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddCoreActivities());

    public void Dispose() => _engine.Dispose();

    private ActivityRegistry Registry => _engine.Services.GetRequiredService<ActivityRegistry>();

    [Fact]
    public void Descriptors_ListEveryCoreActivity()
    {
        Assert.Equal(
            ["Decision", "Delay", "End", "Fork", "HumanTask", "Join", "Log", "RunWorkflow", "SetVariable", "Start", "Switch", "Timer", "WaitForSignal"],
            Registry.Descriptors.Select(d => d.Type).Order());
    }

    [Fact]
    public void ADescriptor_IsGeneratedFromTheActivitysCode()
    {
        var task = Registry.Find("HumanTask")!;

        Assert.Equal(("Human task", "Human tasks", true, true), (task.DisplayName, task.Category, task.DynamicOutcomes, task.Resumable));
        var role = task.Inputs.Single(i => i.Name == "role");
        Assert.Equal(("String", true), (role.Type, role.Required));
        var outcomes = task.Inputs.Single(i => i.Name == "outcomes");
        Assert.Equal(("StringList", "list", """["Done"]"""), (outcomes.Type, outcomes.UIHint, outcomes.Default!.ToJsonString()));
        Assert.Equal("Duration", task.Inputs.Single(i => i.Name == "dueIn").Type);
        Assert.Equal(["outcome", "formData", "completedBy"], task.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void ADescriptor_ListsFixedOutcomesAndDropdownOptions()
    {
        Assert.Equal(["True", "False"], Registry.Find("Decision")!.Outcomes);
        Assert.Equal(["WaitAll", "WaitAny"], Registry.Find("Join")!.Inputs.Single(i => i.Name == "mode").Options);
        Assert.Empty(Registry.Find("End")!.Outcomes);
    }
}
