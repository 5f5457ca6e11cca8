using System.ComponentModel.DataAnnotations;

namespace AfterSales.Host.FollowUps;

// The bodies as the OpenAPI document describes them; FollowUpEndpoints reads them with FieldReader so refusals keep
// naming the field by its JSON path.

/// <summary><c>POST /api/customers</c>.</summary>
internal sealed record NewCustomerRequest
{
    [MaxLength(200)] public required string Name { get; init; }
    [MaxLength(200)] public string? Company { get; init; }
    [MaxLength(200)] public string? Region { get; init; }
    public string? Email { get; init; }
    public bool? KeyCustomer { get; init; }
    /// <summary>An ISO 8601 duration in days or weeks (P90D, P26W); required for a key customer.</summary>
    public string? VisitInterval { get; init; }
    [MaxLength(200)] public string? Owner { get; init; }
}

/// <summary><c>POST /api/customers/{customerId}/products</c>.</summary>
internal sealed record NewInstalledProductRequest
{
    [MaxLength(200)] public required string Model { get; init; }
    [MaxLength(200)] public string? Serial { get; init; }
    public required DateOnly InstalledAt { get; init; }
    /// <summary>An ISO 8601 duration in days or weeks; P182D when absent.</summary>
    public string? InspectionInterval { get; init; }
    [MaxLength(200)] public string? Owner { get; init; }
}
