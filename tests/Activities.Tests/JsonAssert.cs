using System.Text.Json.Nodes;

namespace AfterSales.Activities.Tests;

internal static class JsonAssert
{
    /// <summary>Compares by value (numbers by value, not spelling); the failure message shows both sides as JSON.</summary>
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
    }
}
