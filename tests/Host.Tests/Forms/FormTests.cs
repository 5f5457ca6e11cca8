using System.Net;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.Forms;

[Collection(PostgresCollection.Name)]
public sealed class FormTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    [Fact]
    public async Task ListForms_NamesEveryFormWithItsTitles()
    {
        var forms = (await Client.GetJsonAsync("/api/forms")).AsArray();

        Assert.Contains("ServiceReport", forms.Select(f => f.Text("name")));
        var tracking = forms.Single(f => f.Text("name") == "ReturnTrackingForm")!;
        Assert.Equal("客退品跟踪单", tracking.Text("titleZh"));
        Assert.False(string.IsNullOrEmpty(tracking.Text("title")));
    }

    [Fact]
    public async Task GetForm_AnswersItsJsonSchema_Or404()
    {
        var response = await Client.GetAsync("/api/forms/ServiceReport");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var schema = await response.ReadJsonAsync();
        Assert.Equal(("/api/forms/ServiceReport", "object"), (schema.Text("$id"), schema.Text("type")));
        await (await Client.GetAsync("/api/forms/serviceReport")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
