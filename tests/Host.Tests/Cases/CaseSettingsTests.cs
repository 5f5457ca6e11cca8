using AfterSales.Host.Tests.Infrastructure;
using AfterSales.Persistence;
using AfterSales.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Host.Tests.Cases;

[Collection(PostgresCollection.Name)]
public sealed class CaseSettingsTests(PostgresFixture postgres)
{
    /// <summary>A complaint process that mails the GM and surveys the customer at once.</summary>
    private const string MailsAtOnce = """
        {
          "definitionId": "complaint",
          "name": "Mail at once",
          "variables": [ { "name": "eventSequence", "type": "Number", "default": 0 } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "tell", "type": "SendEmail", "to": ["role:gm"], "subject": "New complaint", "body": "See the case." },
              { "id": "survey", "type": "SendSurvey", "subject": "How did we do?", "body": "Rate us: {{ surveyLink }}" },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "tell" } },
              { "source": { "activity": "tell" }, "target": { "activity": "survey" } },
              { "source": { "activity": "survey" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task RoleMail_GoesToTheRolesUsersAndItsConfiguredAddresses_AndSurveyLinksUseThePublicBaseUrl()
    {
        await using var host = new HostFactory(await postgres.CreateDatabaseAsync("host_case_settings"), settings: new Dictionary<string, string?>
        {
            ["Host:PublicBaseUrl"] = "https://service.example.com/",
            ["Mail:Roles:gm"] = "gm-desk@example.com; boss@example.com",
        });
        using var client = await host.CreateClient().SignInAsync("process_owner");
        await client.PublishAsync(MailsAtOnce);

        var caseId = (await client.OpenCaseAsync()).Text("id");

        await using var db = host.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext();
        var mails = await db.MailOutbox.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["boss@example.com", "gm-desk@example.com", "gm@aftersales.local"], mails[0].Recipients);
        var token = (await db.Surveys.AsNoTracking().SingleAsync(s => s.CaseId == caseId)).Token;
        Assert.Equal($"Rate us: https://service.example.com/survey/{token}", mails[1].Body);
    }

    [Fact]
    public async Task Start_Fails_WhenThePublicBaseUrlIsNotAnHttpAddress()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:AfterSales"] = await postgres.CreateDatabaseAsync("host_case_bad_settings"),
            ["Workflows:SeedFolder"] = HostFactory.NoSeeds,
            ["Host:PublicBaseUrl"] = "service.example.com",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Host:PublicBaseUrl", output);
    }
}
