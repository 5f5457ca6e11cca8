using System.Collections.Concurrent;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Execution;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// Compiled versions by (definition, version). A version is compiled once per process however many instances
/// run it; the cache is bounded so a long-lived host with thousands of old versions does not grow without end.
/// </summary>
public sealed class CompiledWorkflowCache(WorkflowCompiler compiler)
{
    private const int Capacity = 2048;
    private readonly ConcurrentDictionary<(string, int), CompiledWorkflow> _compiled = new();

    public CompiledWorkflow Get(WorkflowDefinition definition)
    {
        var key = (definition.DefinitionId, definition.Version);
        // A stored version does not change under the same number (drafts are invalidated when saved).
        if (_compiled.TryGetValue(key, out var compiled)) return compiled;
        // Rare: dropping everything beats an LRU's bookkeeping on every hit.
        if (_compiled.Count >= Capacity) _compiled.Clear();
        compiled = compiler.Compile(definition);
        _compiled[key] = compiled;
        return compiled;
    }

    /// <summary>Forgets a version, e.g. a draft that was saved again under the same number.</summary>
    public void Invalidate(string definitionId, int version) => _compiled.TryRemove((definitionId, version), out _);
}
