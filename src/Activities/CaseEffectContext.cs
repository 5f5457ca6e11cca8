using System.Text.Json.Nodes;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Activities;

/// <summary>What the domain activities share: the case they work on and the key of the event they report.</summary>
public static class CaseEffectContext
{
    /// <summary>
    /// The Number variable (default 0) that counts the effect-emitting executions of an instance. Every workflow in
    /// workflows-json declares it.
    /// </summary>
    public const string EventSequenceVariable = "eventSequence";

    /// <summary>The case the instance works on (its correlation id); an instance without one cannot affect a case.</summary>
    public static string CaseId(this ActivityContext context) =>
        context.CorrelationId ?? throw new InvalidOperationException(
            $"'{context.ActivityType}' acts on a case, but this instance has no correlation id: start it with the case id as its correlation id");

    /// <summary>
    /// A key for the event this execution reports: <c>{instanceId}:{activityId}:{n}</c>, n counting the instance's
    /// effect-emitting executions in <see cref="EventSequenceVariable"/>.
    /// </summary>
    /// <remarks>
    /// Why a counter in a variable: an activity run twice (a QC loop, a re-sent reminder) must report two events, so
    /// instance and activity id are not enough; and the counter is saved with the instance in the burst's transaction,
    /// so the same execution always yields the same key, even when a rolled-back burst runs again. The journal position
    /// would do as well but the engine does not show it to activities. A workflow that does not declare the variable
    /// (one drawn in the designer without it) still gets unique keys, from the engine's time-ordered ids, but a
    /// rolled-back burst that runs again then reports its events under new keys.
    /// </remarks>
    public static string NextEventKey(this ActivityContext context)
    {
        if (context.GetVariable(EventSequenceVariable) is not JsonValue current || !JsonNumbers.TryGetDouble(current, out var n))
            return $"{context.InstanceId}:{context.ActivityId}:{context.NewId()}";
        var next = (long)n + 1;
        context.SetVariable(EventSequenceVariable, JsonNumbers.Create(next));
        return $"{context.InstanceId}:{context.ActivityId}:{next}";
    }
}
