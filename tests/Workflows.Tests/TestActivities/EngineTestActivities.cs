namespace AfterSales.Workflows.Tests.TestActivities;

/// <summary>
/// The engine's tests run on these small stand-ins, not on src/Activities, so they test the engine alone. Each takes
/// the type name, inputs, outputs and bookmark name of the core activity it stands in for, so a definition reads as it
/// would in production; the core activities themselves are tested in Activities.Tests.
/// </summary>
public static class EngineTestActivities
{
    public static WorkflowsBuilder AddTestActivities(this WorkflowsBuilder builder) => builder
        .AddActivity<Start>()
        .AddActivity<End>()
        .AddActivity<SetVariable>()
        .AddActivity<Decision>()
        .AddActivity<Log>()
        .AddActivity<Delay>()
        .AddActivity<HumanTask>();
}
