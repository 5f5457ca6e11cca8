using AfterSales.Host;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
try
{
    await builder.AddApplicationServicesAsync();
    await using var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.MapApplicationEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is StartupException or OptionsValidationException)
{
    // Something the operator must fix (no database, no PostgreSQL binaries): say what, without a stack trace.
    StartupException.Log(builder.Configuration, e.Message);
    return 1;
}
