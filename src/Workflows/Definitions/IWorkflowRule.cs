namespace AfterSales.Workflows.Definitions;

/// <summary>
/// A check on whole definitions that the engine itself knows nothing about (e.g. which mail recipients a definition may
/// name), run by <c>WorkflowCompiler</c> with its own checks: an error from a rule rejects the definition like any other,
/// so it is neither saved nor published nor run. Registered with <c>WorkflowsBuilder.AddRule</c>.
/// </summary>
public interface IWorkflowRule
{
    IEnumerable<ValidationProblem> Check(WorkflowDefinition definition);
}
