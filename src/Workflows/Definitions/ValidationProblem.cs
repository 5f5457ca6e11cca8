namespace AfterSales.Workflows.Definitions;

public enum Severity { Error, Warning }

/// <summary>One problem with a definition: the activity (when it is about one) and the field, e.g. <c>condition</c> or <c>connections[2].target</c>.</summary>
public sealed record ValidationProblem(Severity Severity, string? ActivityId, string Field, string Message)
{
    public override string ToString() => ActivityId is null ? $"{Field}: {Message}" : $"activity '{ActivityId}', {Field}: {Message}";
}

/// <summary>A definition with errors: nothing of it runs or is saved.</summary>
public sealed class WorkflowValidationException(IReadOnlyList<ValidationProblem> problems)
    : Exception("The workflow definition is invalid: " + string.Join("; ", problems.Where(p => p.Severity == Severity.Error)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
