using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AfterSales.Host.Cases;

// The bodies as the OpenAPI document describes them. The endpoints still read the JsonObject and check it with
// FieldReader (NewCaseRequest.Read, AddCost), so the refusals keep naming the field by its JSON path; these records
// are what those readers accept. Closed sets (kind, channel, cost kind) get their enum from OpenApiEnums.

/// <summary><c>POST /api/cases</c>.</summary>
internal sealed record OpenCaseRequest
{
    public required string Kind { get; init; }
    public required string Channel { get; init; }
    public required OpenCaseCustomer Customer { get; init; }
    public OpenCaseProduct? Product { get; init; }
    public OpenCaseQuantities? Quantities { get; init; }
    [MaxLength(4000)] public required string Description { get; init; }
    [MaxLength(100)] [Description("The user who owns the case; the caller when absent.")] public string? Owner { get; init; }
}

/// <summary>The customer of a new case: a phone or an email is required.</summary>
internal sealed record OpenCaseCustomer
{
    [MaxLength(200)] public required string Name { get; init; }
    [MaxLength(200)] public string? Company { get; init; }
    [MaxLength(40)] public string? Phone { get; init; }
    public string? Email { get; init; }
    [MaxLength(200)] public string? Region { get; init; }
}

internal sealed record OpenCaseProduct
{
    [MaxLength(200)] public string? Model { get; init; }
    [MaxLength(200)] public string? Serial { get; init; }
    public DateOnly? ShipDate { get; init; }
    public DateOnly? WarrantyEnd { get; init; }
}

internal sealed record OpenCaseQuantities
{
    [Range(0, NewCaseRequest.MaxQuantity)] public int? Hosts { get; init; }
    [Range(0, NewCaseRequest.MaxQuantity)] public int? Accessories { get; init; }
}

/// <summary><c>POST /api/cases/{caseId}/costs</c>.</summary>
internal sealed record NewCostRequest
{
    public required string Kind { get; init; }
    [Range(0, 9_999_999_999.99)] public required decimal Amount { get; init; }
    [Range(0, 100_000)] public int? PersonTimes { get; init; }
    [MaxLength(2000)] public string? Note { get; init; }
}
