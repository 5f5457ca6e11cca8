using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task ACaseWhosePhoneIsOneCharacter_IsAnsweredWhole_ToRolesWithoutPersonalData()
    {
        await Client.PublishProcessesAsync();
        var body = CaseApi.NewCase(customer: "short-phone");
        body["customer"]!["phone"] = "1";
        var opened = await Client.OpenCaseAsync(body);
        var client = await ClientAsAsync("gm");

        var details = await client.GetJsonAsync($"{CaseApi.Cases}/{opened.Text("id")}");
        var list = await client.GetAsync($"{CaseApi.Cases}?customer=short-phone");
        var tasks = await client.GetAsync($"{CaseApi.Tasks}?caseId={opened.Text("id")}");

        await list.AssertStatusAsync(HttpStatusCode.OK);
        await tasks.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal((opened.Text("id"), opened.Text("number"), opened.Text("createdAt")),
            (details.Text("id"), details.Text("number"), details.Text("createdAt")));
        Assert.Null(details["customer"]!["phone"]);
    }

    [Fact]
    public async Task ANoteHoldingTheCustomersPhone_ComesBackAsTyped_SoMaskingConfirmsNoGuess()
    {
        var (id, email) = await OpenCaseAsync("guessed");
        var warehouse = await ClientAsAsync("warehouse");
        var note = $"guess {Phone} guess 0755-0000 0000 guess {email.ToUpperInvariant()}";

        var added = await warehouse.PostAsJsonAsync($"{CaseApi.Cases}/{id}/costs",
            new { kind = "travel", amount = 1, personTimes = 1, note });
        await added.AssertStatusAsync(HttpStatusCode.Created);

        var details = await warehouse.GetJsonAsync($"{CaseApi.Cases}/{id}");
        Assert.Equal(note, details["costs"]!["items"]!.AsArray().Single()!.Text("note"));
        Assert.Null(details["customer"]!["email"]);
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
