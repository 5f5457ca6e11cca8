namespace AfterSales.Workflows;

/// <summary>Marks the activity type a flowchart starts at: a valid flowchart has exactly one node of such a type.</summary>
public interface IStartActivity : IActivity;
