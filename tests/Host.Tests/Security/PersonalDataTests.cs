using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Security;

/// <summary>
/// A customer's phone and email go to aftersales, aftersales_manager, sales and admin, and to whoever works on the case;
/// other roles see the case without them, anywhere in the answer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PersonalDataTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private const string Phone = "0755-8866 1234";

    [Theory]
    [InlineData("repair")]
    [InlineData("warehouse")]
    [InlineData("gm")]
    [InlineData("process_owner")]
    public async Task RoleWithoutPersonalData_SeesTheCaseWithoutPhoneOrEmail(string user)
    {
        var (id, email) = await OpenCaseAsync($"hidden-{user}");
        var client = await ClientAsAsync(user);

        var details = await client.GetAsync($"{CaseApi.Cases}/{id}");
        var list = await client.GetAsync($"{CaseApi.Cases}?customer=hidden-{user}");
        var tasks = await client.GetAsync($"{CaseApi.Tasks}?caseId={id}");

        foreach (var response in new[] { details, list, tasks })
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Phone, text);
        }
        var customer = (await details.ReadJsonAsync())["customer"]!;
        Assert.Equal(($"hidden-{user}", null, null), (customer.Text("name"), customer["phone"], customer["email"]));
    }

    [Theory]
    [InlineData("aftersales")]
    [InlineData("aftersales_manager")]
    [InlineData("sales")]
    [InlineData("admin")]
    public async Task RoleWithPersonalData_SeesPhoneAndEmail(string user)
    {
        var (id, email) = await OpenCaseAsync($"shown-{user}");

        var customer = (await (await ClientAsAsync(user)).GetJsonAsync($"{CaseApi.Cases}/{id}"))["customer"]!;

        Assert.Equal((Phone, email), (customer.Text("phone"), customer.Text("email")));
    }

    [Fact]
    public async Task OwnerOfTheCase_SeesPhoneAndEmail_WhateverTheirRole()
    {
        var (id, email) = await OpenCaseAsync("owned-by-qc", owner: "qc");

        var customer = (await (await ClientAsAsync("qc")).GetJsonAsync($"{CaseApi.Cases}/{id}"))["customer"]!;

        Assert.Equal((Phone, email), (customer.Text("phone"), customer.Text("email")));
    }

    private async Task<(string Id, string Email)> OpenCaseAsync(string customer, string? owner = null)
    {
        await Client.PublishProcessesAsync();
        var email = $"{customer}@example.com";
        var body = CaseApi.NewCase(customer: customer, email: email);
        if (owner is not null) body["owner"] = owner;
        return ((await Client.OpenCaseAsync(body)).Text("id"), email);
    }
}
