using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using Npgsql;

namespace AfterSales.Persistence.Runtime;

/// <summary>
/// Adds its own statements to the batch that saves a burst, so what it writes (a case's timeline, a task, a mail
/// to send) commits or rolls back with the instance, in the same round trip. Implementations only add commands:
/// they run no SQL of their own and must not depend on the batch's other results.
/// </summary>
public interface IBurstParticipant
{
    /// <param name="isNew">True for the first burst of a new instance.</param>
    void AddCommands(NpgsqlBatch batch, WorkflowInstance instance, RunResult changes, bool isNew);
}
