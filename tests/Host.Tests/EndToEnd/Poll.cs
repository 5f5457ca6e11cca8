using System.Diagnostics;
using System.Text.Json.Nodes;
using MimeKit;

namespace AfterSales.Host.Tests.EndToEnd;

/// <summary>Waiting for what happens in the background (timers, mails): polls often, gives up late, says what it last saw.</summary>
internal static class Poll
{
    /// <summary>Generous for a loaded two-core machine; what is awaited usually shows within a second or two.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Reads until <paramref name="holds"/> is true of what was read; answers that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (holds(value)) return value;
            if (clock.Elapsed > limit) Assert.Fail($"Not within {limit}: {what}. Last seen: {Describe(value)}");
            await Task.Delay(Interval);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        JsonNode node => Truncate(node.ToJsonString()),
        IEnumerable<MimeMessage> mails => Truncate(string.Join("\n", mails.Select(m => $"{m.To}: {m.Subject}"))),
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>().Select(i => i?.ToString()))}]",
        _ => Truncate(value.ToString() ?? ""),
    };

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
