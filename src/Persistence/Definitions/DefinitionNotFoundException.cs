namespace AfterSales.Persistence.Definitions;

/// <summary>No version of that definition is stored.</summary>
public sealed class DefinitionNotFoundException(string definitionId) : Exception($"no workflow definition '{definitionId}'")
{
    public string DefinitionId { get; } = definitionId;
}
