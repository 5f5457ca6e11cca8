using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AfterSales.Host.Auth;
using AfterSales.Persistence.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>Who the tests sign in as: the seeded role users, and a tester who holds every role.</summary>
internal static class Users
{
    /// <summary>The <c>Seed:Password</c> test Hosts start with: every seeded role user's password.</summary>
    public const string Password = "test-password-1";

    /// <summary>
    /// Holds every role, so tests about what the API does need not care who may do it; tests about who may do what sign in
    /// as a role's user instead (<see cref="HostTest.ClientAsAsync"/>).
    /// </summary>
    public const string Tester = "tester";

    public const string Login = "/api/auth/login";

    /// <summary>The <c>Auth:SigningKey</c> of test Hosts unless a test sets its own (see HostFactory, HostProcess).</summary>
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";

    /// <summary>Adds <see cref="Tester"/> to the Host's database unless it is there.</summary>
    public static async Task AddTesterAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserAccounts>();
        if (await users.FindAsync(Tester) is not null) return;
        await users.AddAsync([new UserEntity
        {
            UserName = Tester,
            DisplayName = "Tester",
            PasswordHash = PasswordHasher.Hash(Password),
            Roles = Roles.All.Select(r => r.Role).ToArray(),
            CreatedAt = DateTimeOffset.UtcNow,
        }]);
    }

    /// <summary>Signs in and answers the login response (<c>{ token, expiresAt, user }</c>), asserting a 200.</summary>
    public static async Task<JsonNode> LoginAsync(this HttpClient client, string userName, string password = Password)
    {
        var response = await client.PostAsJsonAsync(Login, new { userName, password });
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Signs in and sends the token as <c>Authorization: Bearer</c> on every later call of this client.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, string userName, string password = Password)
    {
        var login = await client.LoginAsync(userName, password);
        return client.UseToken(login["token"]!.GetValue<string>());
    }

    public static HttpClient UseToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
