using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Descriptors;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Expressions;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow engine. Stores are not chosen here: call <see cref="WorkflowsBuilder.UseInMemoryStore"/>
    /// or register a durable <see cref="IWorkflowDefinitionStore"/> and <see cref="IWorkflowInstanceStore"/>.
    /// </summary>
    public static WorkflowsBuilder AddAfterSalesWorkflows(this IServiceCollection services, Action<WorkflowsOptions>? configure = null)
    {
        var options = new WorkflowsOptions();
        configure?.Invoke(options);
        var builder = new WorkflowsBuilder(services);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, SequentialIdGenerator>();
        services.AddSingleton(sp => new ExpressionEngine(options.JavaScript, options.Liquid, sp.GetServices<IWorkflowGlobal>()));
        services.AddSingleton(_ => new ActivityRegistry(builder.ActivityTypes));
        services.AddSingleton<WorkflowCompiler>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<CompiledWorkflowCache>();
        services.AddSingleton<WorkflowRuntime>();
        return builder;
    }
}

/// <summary>Registers activities and globals with the engine.</summary>
public sealed class WorkflowsBuilder(IServiceCollection services)
{
    private readonly List<Type> _activityTypes = [];

    public IServiceCollection Services { get; } = services;
    internal IReadOnlyList<Type> ActivityTypes => _activityTypes;

    public WorkflowsBuilder AddActivity<T>() where T : class, IActivity
    {
        if (!_activityTypes.Contains(typeof(T))) _activityTypes.Add(typeof(T));
        return this;
    }

    /// <summary>Adds a check every definition must pass to be saved, published or run.</summary>
    public WorkflowsBuilder AddRule<T>() where T : class, IWorkflowRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkflowRule, T>());
        return this;
    }

    public WorkflowsBuilder AddGlobal<T>() where T : class, IWorkflowGlobal
    {
        Services.AddSingleton<IWorkflowGlobal, T>();
        return this;
    }

    public WorkflowsBuilder UseInMemoryStore()
    {
        Services.AddSingleton<InMemoryWorkflowStore>();
        Services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        Services.AddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        return this;
    }
}
