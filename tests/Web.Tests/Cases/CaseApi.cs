using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Web.Tests.Cases;

/// <summary>
/// What a case test does through the API rather than the browser: open a case, work the tasks another person would
/// work. Each call signs in as the role user it acts for.
/// </summary>
internal sealed class CaseApi(WebHost web)
{
    /// <summary>Opens a case for <paramref name="customer"/>, who gets the case's mails when given an <paramref name="email"/>.</summary>
    public async Task<(string Id, string Number)> OpenComplaintAsync(string customer, string kind = "complaint",
        string? email = null)
    {
        using var client = await ClientAsync("sales");
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            kind,
            channel = "phone",
            customer = new { name = customer, phone = "0755-8866 1234", email },
            product = new { model = "HX-3000" },
            description = "The screen stays dark",
        });
        response.EnsureSuccessStatusCode();
        var opened = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)opened["id"]!, (string)opened["number"]!);
    }

    /// <summary>
    /// Claims and completes the open task of <paramref name="role"/> on the case, once it is there, with the form data
    /// given (e.g. <c>{ reason }</c> for an outcome that needs one).
    /// </summary>
    public async Task CompleteAsync(string caseId, string role, string outcome, object? form = null)
    {
        using var client = await ClientAsync(role);
        var taskId = await WaitForTaskAsync(client, caseId, role);
        (await client.PostAsync($"/api/tasks/{taskId}/claim", null)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, form })).EnsureSuccessStatusCode();
    }

    /// <summary>Answers a survey as the customer does: anonymously, with the token of the link in their mail.</summary>
    public async Task AnswerSurveyAsync(string token, int rating, string comment, bool wouldRecommend)
    {
        using var customer = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var response = await customer.PostAsJsonAsync($"/api/surveys/{token}", new { rating, comment, wouldRecommend });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The open task of <paramref name="role"/> on the case, once the workflow has made it.</summary>
    public async Task<string> WaitForTaskAsync(string caseId, string role)
    {
        using var client = await ClientAsync(role);
        return await WaitForTaskAsync(client, caseId, role);
    }

    private static async Task<string> WaitForTaskAsync(HttpClient client, string caseId, string role)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var url = $"/api/tasks?role={role}&status=open&caseId={caseId}";
            var page = (await client.GetFromJsonAsync<JsonObject>(url))!;
            if (page["items"]!.AsArray() is [{ } task, ..]) return (string)task["id"]!;
            await Task.Delay(200);
        }
        throw new TimeoutException($"no open {role} task on case {caseId}");
    }

    /// <summary>What an SLA breach would do to the case after hours: raise its escalation level to 1.</summary>
    public Task MarkEscalatedAsync(string caseId) =>
        SqlAsync("update aftersales.cases set escalation_level = 1, escalated_at = now() where id = $1", caseId);

    /// <summary>Moves the case's creation back in time, as if it had been opened then.</summary>
    public Task BackdateAsync(string caseId, DateTimeOffset createdAt) =>
        SqlAsync("update aftersales.cases set created_at = $2 where id = $1", caseId, createdAt.ToUniversalTime());

    /// <summary>The token of the survey link mailed to <paramref name="email"/>, once the mail is there.</summary>
    public async Task<string> WaitForSurveyTokenAsync(string email)
    {
        var link = new Regex("/survey/([A-Za-z0-9_-]+)");
        for (var attempt = 0; attempt < 75; attempt++)
        {
            var mail = web.Mailbox.Messages().FirstOrDefault(m =>
                m.To.Mailboxes.Any(to => to.Address == email) && link.IsMatch(m.TextBody ?? ""));
            if (mail is not null) return link.Match(mail.TextBody!).Groups[1].Value;
            await Task.Delay(200);
        }
        throw new TimeoutException($"no survey mail to {email}");
    }

    private async Task SqlAsync(string sql, params object[] values)
    {
        await using var command = web.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = WebHost.Password });
        login.EnsureSuccessStatusCode();
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
