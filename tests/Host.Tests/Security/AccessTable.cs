namespace AfterSales.Host.Tests.Security;

/// <summary>Who may call an operation: nobody needs to sign in, any signed-in user, or only the users holding one of some roles.</summary>
internal sealed record Access(bool Anonymous, IReadOnlyList<string>? Roles)
{
    public static readonly Access Public = new(true, null);
    public static readonly Access SignedIn = new(false, null);

    public static Access Only(params string[] roles) => new(false, roles);
}

/// <summary>
/// Every operation of the OpenAPI document and who may call it. A new endpoint must be added here (the access tests fail
/// until it is): say who may call it. "Signed in" rows may still refuse per resource (a task's role, a follow-up's owner):
/// those checks have tests of their own.
/// </summary>
internal static class AccessTable
{
    public static readonly IReadOnlyDictionary<string, Access> Operations = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        ["GET /api/activity-descriptors"] = Access.SignedIn,
        ["POST /api/auth/login"] = Access.Public,
        ["POST /api/auth/logout"] = Access.Public,
        ["GET /api/auth/me"] = Access.SignedIn,
        ["POST /api/auth/password"] = Access.SignedIn,
        ["GET /api/roles"] = Access.SignedIn,
        ["GET /api/users"] = Access.Only("admin"),
        ["POST /api/users"] = Access.Only("admin"),
        ["GET /api/users/{userName}"] = Access.Only("admin"),
        ["POST /api/users/{userName}/disable"] = Access.Only("admin"),
        ["POST /api/users/{userName}/enable"] = Access.Only("admin"),
        ["POST /api/users/{userName}/password"] = Access.Only("admin"),
        ["PUT /api/users/{userName}/roles"] = Access.Only("admin"),
        ["POST /api/users/{userName}/unlock"] = Access.Only("admin"),

        ["GET /api/cases"] = Access.SignedIn,
        ["POST /api/cases"] = Access.SignedIn,
        ["GET /api/cases/{caseId}"] = Access.SignedIn,
        ["POST /api/cases/{caseId}/costs"] = Access.SignedIn,

        // The email is personal data, shown per customer: CustomerRegisterTests.
        ["GET /api/customers"] = Access.SignedIn,
        ["POST /api/customers"] = Access.Only("aftersales", "admin"),
        ["GET /api/customers/{customerId}"] = Access.SignedIn,
        ["PUT /api/customers/{customerId}"] = Access.Only("aftersales", "admin"),
        ["POST /api/customers/{customerId}/products"] = Access.Only("aftersales", "admin"),
        ["PUT /api/customers/{customerId}/products/{productId}"] = Access.Only("aftersales", "admin"),
        ["GET /api/follow-ups"] = Access.SignedIn,
        // Owner, aftersales_manager or admin, checked per follow-up: FollowUpOwnershipTests.
        ["POST /api/follow-ups/{id}/done"] = Access.SignedIn,

        ["GET /api/forms"] = Access.SignedIn,
        ["GET /api/forms/{name}"] = Access.SignedIn,
        ["GET /api/health"] = Access.Public,
        ["POST /api/surveys/{token}"] = Access.Public,

        // Claiming and completing check the task's role and assignee per task: TaskAccessTests.
        ["GET /api/tasks"] = Access.SignedIn,
        ["GET /api/tasks/{taskId}"] = Access.SignedIn,
        ["POST /api/tasks/{taskId}/claim"] = Access.SignedIn,
        ["POST /api/tasks/{taskId}/release"] = Access.SignedIn,
        ["POST /api/tasks/{taskId}/complete"] = Access.SignedIn,

        ["GET /api/workflow-definitions"] = Access.SignedIn,
        ["POST /api/workflow-definitions"] = Access.Only("process_owner"),
        ["POST /api/workflow-definitions/import"] = Access.Only("process_owner"),
        ["POST /api/workflow-definitions/validate"] = Access.SignedIn,
        ["GET /api/workflow-definitions/{definitionId}"] = Access.SignedIn,
        ["PUT /api/workflow-definitions/{definitionId}"] = Access.Only("process_owner"),
        ["GET /api/workflow-definitions/{definitionId}/export"] = Access.SignedIn,
        ["POST /api/workflow-definitions/{definitionId}/publish"] = Access.Only("process_owner"),
        ["POST /api/workflow-definitions/{definitionId}/retract"] = Access.Only("process_owner"),
        ["GET /api/workflow-definitions/{definitionId}/versions"] = Access.SignedIn,

        // Instances hold case data in their variables, and starting one is how a process owner tries a workflow: operators only.
        ["GET /api/workflow-instances"] = Access.Only("admin", "process_owner"),
        ["POST /api/workflow-instances"] = Access.Only("admin", "process_owner"),
        ["GET /api/workflow-instances/{instanceId}"] = Access.Only("admin", "process_owner"),
        ["POST /api/workflow-instances/{instanceId}/bookmarks/{bookmarkId}/resume"] = Access.Only("admin", "process_owner"),
        ["POST /api/workflow-instances/{instanceId}/cancel"] = Access.Only("admin", "process_owner"),
        ["POST /api/workflow-instances/{instanceId}/retry"] = Access.Only("admin", "process_owner"),
        ["POST /api/workflow-instances/{instanceId}/signals/{signal}"] = Access.Only("admin", "process_owner"),
    };
}
