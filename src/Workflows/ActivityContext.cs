using System.Text.Json.Nodes;
using AfterSales.Workflows.Execution;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Workflows;

/// <summary>
/// What one activity execution sees: its inputs, outputs, the instance's variables and a few facts about the
/// run. Every input read and output written is recorded in the journal entry of this execution.
/// </summary>
public sealed class ActivityContext
{
    private readonly Burst _burst;
    private readonly CompiledNode _node;
    private Dictionary<string, JsonNode?>? _inputs;
    private Dictionary<string, JsonNode?>? _outputs;

    internal ActivityContext(Burst burst, CompiledNode node, WorkItem arrival)
    {
        _burst = burst;
        _node = node;
        Arrival = arrival;
    }

    public string InstanceId => _burst.Instance.Id;
    public string? CorrelationId => _burst.Instance.CorrelationId;
    public string DefinitionId => _burst.Instance.DefinitionId;
    public string ActivityId => _node.Id;
    public string ActivityType => _node.Type;
    public DateTimeOffset Now => _burst.Now;
    public CancellationToken CancellationToken => _burst.CancellationToken;

    /// <summary>How this execution was reached: the connection's source activity and port (none for the start).</summary>
    public WorkItem Arrival { get; }

    /// <summary>The number of connections leading into this activity.</summary>
    public int InboundCount => _node.InboundCount;

    internal IReadOnlyDictionary<string, JsonNode?>? RecordedInputs => _inputs;
    internal IReadOnlyDictionary<string, JsonNode?>? RecordedOutputs => _outputs;

    /// <summary>Evaluates an input. An expression that fails faults the activity with a message naming the input.</summary>
    public T Get<T>(Input<T> input)
    {
        T value;
        try
        {
            value = input.Evaluator.Evaluate(_burst.Expressions);
        }
        catch (ExpressionException e)
        {
            throw new ExpressionException($"input '{input.Name}' of activity '{ActivityId}': {e.Message}", e);
        }
        (_inputs ??= new(StringComparer.Ordinal))[input.Name] = JournalValues.From(value);
        return value;
    }

    /// <summary>Evaluates an optional input; <paramref name="fallback"/> when the node does not set it.</summary>
    public T Get<T>(Input<T>? input, T fallback) => input is null ? fallback : Get(input);

    /// <summary>Writes an output: recorded in the journal and, when the node binds it, stored in the variable.</summary>
    public void Set<T>(Output<T> output, T value)
    {
        var json = JsonValues.From(value);
        (_outputs ??= new(StringComparer.Ordinal))[output.Name] = JournalValues.Truncate(json);
        if (output.Variable is not null) SetVariable(output.Variable, json);
    }

    public JsonNode? GetVariable(string name) => _burst.Instance.Variables.GetValueOrDefault(name);

    /// <summary>Sets a declared variable; an undeclared name or a value of the wrong type throws.</summary>
    public void SetVariable(string name, JsonNode? value) => _burst.SetVariable(name, value);

    /// <summary>For joins: the arrivals recorded so far in this round, kept in the instance state.</summary>
    public List<string> JoinArrivals()
    {
        var all = _burst.Instance.JoinArrivals;
        if (!all.TryGetValue(ActivityId, out var list)) all[ActivityId] = list = [];
        return list;
    }

    /// <summary>For wait-any joins: cancels the pending bookmarks and scheduled work of the branches that did not arrive first.</summary>
    public int CancelOtherBranches() => _burst.CancelUpstream(_node);

    /// <summary>
    /// Records a fact for the world outside the instance (e.g. a mail to send). It is saved with the burst, in
    /// the same transaction, or not at all: never sent for a burst that rolled back, never lost for one that committed.
    /// </summary>
    public void Emit(object effect) => _burst.Result.Effects.Add(effect);

    /// <summary>A new unique id (time-ordered), e.g. for a child instance.</summary>
    public string NewId() => _burst.NewId();
}
