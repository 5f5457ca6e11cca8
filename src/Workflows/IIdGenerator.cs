namespace AfterSales.Workflows;

/// <summary>Makes ids for instances, bookmarks and incidents. Injected so tests can make them predictable.</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Time-ordered ids (UUID version 7, 32 hex digits): they sort by creation and index well.</summary>
public sealed class SequentialIdGenerator : IIdGenerator
{
    public string NewId() => Guid.CreateVersion7().ToString("N");
}
