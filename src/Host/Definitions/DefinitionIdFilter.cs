using AfterSales.Host.Http;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Host.Definitions;

/// <summary>
/// Refuses a route whose <c>{definitionId}</c> is not a valid definition id (<see cref="DefinitionIds"/>) with a 400 naming
/// it, before the handler runs: an id of any length would otherwise reach the database, the logs and the headers.
/// </summary>
internal static class DefinitionIdFilter
{
    public static TBuilder ChecksDefinitionId<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues.TryGetValue("definitionId", out var value)
            && DefinitionIds.Check(value as string) is { } problem
                ? Problems.BadRequest("The definition id is invalid", "definitionId", problem)
                : await next(context));
}
