using System.Net;
using AfterSales.Host.Auth;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>Every operation the OpenAPI document lists is classified in <see cref="AccessTable"/>, and the Host enforces it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenApiAccessTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task EveryOperation_IsClassifiedInTheAccessTable()
    {
        var operations = (await OpenApiOperation.ReadAsync(Client)).Select(o => o.Key).ToList();

        var unclassified = operations.Except(AccessTable.Operations.Keys).ToList();
        var gone = AccessTable.Operations.Keys.Except(operations).ToList();
        Assert.True(unclassified.Count == 0, $"Say who may call these new operations in AccessTable: {string.Join(", ", unclassified)}");
        Assert.True(gone.Count == 0, $"These AccessTable rows name operations the document no longer has: {string.Join(", ", gone)}");
    }

    [Fact]
    public async Task WithoutAToken_EveryOperationButThePublicOnes_Answers401()
    {
        var anonymous = AnonymousClient();
        var wrong = new List<string>();

        foreach (var operation in await OpenApiOperation.ReadAsync(Client))
        {
            if (AccessOf(operation).Anonymous) continue;
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url()));
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{operation.Key}: {(int)response.StatusCode}");
        }

        Assert.True(wrong.Count == 0, $"Answered without a token: {string.Join("; ", wrong)}");
    }

    [Fact]
    public async Task EveryRoleNotInTheTable_Answers403_AndEveryRoleInIt_IsLetThrough()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, _) in Roles.All) clients[role] = await ClientAsAsync(role);
        var wrong = new List<string>();

        foreach (var operation in await OpenApiOperation.ReadAsync(Client))
        {
            if (AccessOf(operation).Roles is not { } allowed) continue;
            foreach (var (role, client) in clients)
            {
                // No body and ids that do not exist: a caller let through is refused for those (400, 404), never served.
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url()));
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
                if (refused == allowed.Contains(role)) wrong.Add($"{operation.Key} as {role}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, $"Not as the access table says: {string.Join("; ", wrong)}");
    }

    private static Access AccessOf(OpenApiOperation operation) =>
        AccessTable.Operations.TryGetValue(operation.Key, out var access)
            ? access
            : throw new Xunit.Sdk.XunitException($"{operation.Key} is not in AccessTable: say who may call it");
}
