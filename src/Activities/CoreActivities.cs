using AfterSales.Activities.Composition;
using AfterSales.Activities.ControlFlow;
using AfterSales.Activities.Forms;
using AfterSales.Activities.HumanTasks;
using AfterSales.Activities.Signals;
using AfterSales.Activities.Timers;
using AfterSales.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Activities;

public static class CoreActivities
{
    /// <summary>Registers the control-flow, timer, signal, human-task and composition activities, and the forms human tasks check.</summary>
    public static WorkflowsBuilder AddCoreActivities(this WorkflowsBuilder builder)
    {
        builder.Services.TryAddSingleton<FormCatalog>();
        return builder
            .AddActivity<Start>()
            .AddActivity<End>()
            .AddActivity<SetVariable>()
            .AddActivity<Decision>()
            .AddActivity<Switch>()
            .AddActivity<Fork>()
            .AddActivity<Join>()
            .AddActivity<Log>()
            .AddActivity<Delay>()
            .AddActivity<Timers.Timer>()
            .AddActivity<WaitForSignal>()
            .AddActivity<HumanTask>()
            .AddActivity<RunWorkflow>();
    }
}
