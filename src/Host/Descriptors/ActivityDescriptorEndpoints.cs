using AfterSales.Workflows.Descriptors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Descriptors;

internal static class ActivityDescriptorEndpoints
{
    public static void MapActivityDescriptorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity-descriptors").WithTags("Activity descriptors");
        group.MapGet("/", ListDescriptors);
    }

    /// <summary>What the designer's palette shows: every registered activity type with its inputs, outputs and outcomes.</summary>
    public static Ok<IReadOnlyList<ActivityDescriptor>> ListDescriptors(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);
}
