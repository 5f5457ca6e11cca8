using System.Text.Json.Nodes;

namespace AfterSales.Cases.Tasks;

/// <summary>
/// What a <c>HumanTask</c> bookmark carries: who the task is for, what it asks, the form it takes, the outcomes offered
/// and when it is due. The activity writes it; the task store reads it to add the inbox row; the activity reads it
/// again on resume to check the outcome, the form and the reason.
/// </summary>
/// <remarks>
/// Stored in the bookmark as JSON (<see cref="ToJson"/>), so the keys are data: bookmarks written by earlier builds are
/// read by <see cref="Read"/>. <see cref="Title"/> is null only in a payload that has none.
/// </remarks>
public sealed record HumanTaskPayload(
    string? Role,
    string? User,
    string? Title,
    string? Form,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> ReasonRequiredFor)
{
    /// <summary>The name of the bookmark a human task waits on.</summary>
    public const string BookmarkName = "HumanTask";

    /// <summary>True when choosing <paramref name="outcome"/> needs a non-empty <c>reason</c> in the form data.</summary>
    public bool NeedsReason(string outcome) => ReasonRequiredFor.Contains(outcome);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["role"] = Role,
            ["user"] = User,
            ["title"] = Title,
            ["form"] = Form,
            ["outcomes"] = new JsonArray(Outcomes.Select(o => (JsonNode?)o).ToArray()),
            ["dueAt"] = DueAt?.ToString("O"),
        };
        // Written only when set, as before the payload was typed.
        if (ReasonRequiredFor.Count > 0) json["reasonRequiredFor"] = new JsonArray(ReasonRequiredFor.Select(o => (JsonNode?)o).ToArray());
        return json;
    }

    /// <summary>Reads a payload <see cref="ToJson"/> wrote; a missing or mistyped key reads as absent.</summary>
    public static HumanTaskPayload Read(JsonObject? json)
    {
        json ??= [];
        return new HumanTaskPayload(Text(json, "role"), Text(json, "user"), Text(json, "title"), Text(json, "form"), Texts(json, "outcomes"),
            Text(json, "dueAt") is { } due && DateTimeOffset.TryParse(due, out var dueAt) ? dueAt : null, Texts(json, "reasonRequiredFor"));
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string[] Texts(JsonObject json, string name) =>
        json[name] is JsonArray list ? list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray() : [];
}
