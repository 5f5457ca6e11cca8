using System.Text;
using System.Text.Json;

namespace AfterSales.Host.Http;

/// <summary>
/// Reads a JSON document token by token (so the whole body is checked, not only what a handler happens to read) and
/// answers its first problem with the path of the field: a property named twice in one object, or text that cannot be
/// stored (<see cref="RequestGuard.TextProblem"/>). Malformed JSON, invalid UTF-8 and too deep nesting throw
/// <see cref="JsonException"/>.
/// </summary>
internal static class JsonBodyCheck
{
    public readonly record struct Finding(string Path, string Message);

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }

    public static Finding? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = RequestGuard.MaxDepth });
        var frames = new List<Frame>();
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray)
                && frames.Count > 0 && frames[^1].IsArray)
                frames[^1].Index++;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    frames.Add(new Frame(isArray: false));
                    break;
                case JsonTokenType.StartArray:
                    frames.Add(new Frame(isArray: true));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    var frame = frames[^1];
                    var name = Text(ref reader, out var nameProblem);
                    frame.Property = name ?? "?";
                    if (nameProblem is not null) return new Finding(PathOf(frames), $"the property name {nameProblem}");
                    if (!frame.Names.Add(name!)) return new Finding(PathOf(frames), "is given more than once: name each property once");
                    break;
                case JsonTokenType.String:
                    Text(ref reader, out var problem);
                    if (problem is not null) return new Finding(PathOf(frames), problem);
                    break;
            }
        }
        return null;
    }

    private static string? Text(ref Utf8JsonReader reader, out string? problem)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // What GetString cannot decode: an escaped lone surrogate (\ud800) or bytes that are not UTF-8.
            problem = "is not valid Unicode text (a lone surrogate or invalid UTF-8)";
            return null;
        }
        problem = RequestGuard.TextProblem(text);
        return text;
    }

    /// <summary><c>customer.email</c>, <c>items[2].name</c>; <c>$</c> for the body itself.</summary>
    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray) path.Append('[').Append(frame.Index).Append(']');
            else if (frame.Property is { } property) path.Append(path.Length == 0 ? "" : ".").Append(property);
        }
        return path.Length == 0 ? "$" : path.ToString();
    }
}
