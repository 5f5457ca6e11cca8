namespace AfterSales.Workflows;

/// <summary>
/// Marks an activity that merges branches. The engine tells it which connection it was reached through
/// (<see cref="ActivityContext.Arrival"/>) and keeps its arrivals in the instance state.
/// </summary>
public interface IJoinActivity : IActivity;
