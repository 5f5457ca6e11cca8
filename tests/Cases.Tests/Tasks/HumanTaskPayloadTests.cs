using System.Text.Json.Nodes;
using AfterSales.Cases.Tasks;

namespace AfterSales.Cases.Tests.Tasks;

public sealed class HumanTaskPayloadTests
{
    private static readonly DateTimeOffset DueAt = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToJson_WritesTheKeysBookmarksAlreadyStoredHave()
    {
        var payload = new HumanTaskPayload("aftersales", null, "Look at it", "ReturnTrackingForm", ["Done", "Reject"], DueAt, ["Reject"]);

        var expected = JsonNode.Parse("""{"role":"aftersales","user":null,"title":"Look at it","form":"ReturnTrackingForm","outcomes":["Done","Reject"],"dueAt":"2026-11-23T13:00:00.0000000+00:00","reasonRequiredFor":["Reject"]}""");
        Assert.True(JsonNode.DeepEquals(expected, payload.ToJson()), payload.ToJson().ToJsonString());
    }

    [Fact]
    public void ToJson_LeavesOutReasonRequiredFor_WhenNoOutcomeNeedsAReason() =>
        Assert.False(new HumanTaskPayload("r", null, "t", null, ["Done"], null, []).ToJson().ContainsKey("reasonRequiredFor"));

    [Fact]
    public void Read_GivesBackWhatToJsonWrote()
    {
        var payload = new HumanTaskPayload("aftersales", "li.wei", "Look at it", null, ["Done", "Reject"], DueAt, ["Reject"]);

        var read = HumanTaskPayload.Read(payload.ToJson());

        Assert.Equal((payload.Role, payload.User, payload.Title, payload.Form, payload.DueAt), (read.Role, read.User, read.Title, read.Form, read.DueAt));
        Assert.Equal(payload.Outcomes, read.Outcomes);
        Assert.True(read.NeedsReason("Reject"));
        Assert.False(read.NeedsReason("Done"));
    }

    [Fact]
    public void Read_TakesAMissingOrMistypedKeyAsAbsent()
    {
        var read = HumanTaskPayload.Read(new JsonObject { ["role"] = "aftersales", ["title"] = 3, ["outcomes"] = new JsonArray("Done", 4), ["dueAt"] = "soon" });

        Assert.Equal(("aftersales", null, null, null, (DateTimeOffset?)null), (read.Role, read.User, read.Title, read.Form, read.DueAt));
        Assert.Equal(["Done"], read.Outcomes);
        Assert.Empty(HumanTaskPayload.Read(null).Outcomes);
    }
}
