using System.Text;

namespace AfterSales.Host.Tests.Security;

/// <summary>One malformed request: a query string to append and a body (raw bytes, so invalid UTF-8 can be sent).</summary>
internal sealed record FuzzCase(string Name, string Query, byte[]? Body);

/// <summary>
/// A fixed corpus of malformed request bodies and query strings, the same on every run (a seeded <see cref="Random"/>):
/// duplicate keys, lone surrogates, NUL, huge numbers, wrong types, deep nesting, huge strings, empty bodies, invalid
/// UTF-8, truncated JSON and extreme paging values, mixed into the field names the API's bodies use.
/// </summary>
internal static class FuzzCorpus
{
    public const int Seed = 20261201;

    /// <summary>The field names of the API's bodies: a malformed value reaches the code that reads them.</summary>
    private static readonly string[] Fields =
    [
        "kind", "channel", "customer", "name", "phone", "email", "product", "model", "shipDate", "quantities", "hosts", "description",
        "owner", "amount", "personTimes", "note", "rating", "comment", "wouldRecommend", "outcome", "form", "user", "userName",
        "password", "definitionId", "version", "input", "correlationId", "root", "activities", "keyCustomer", "visitInterval",
        "installedAt", "inspectionInterval", "serial",
    ];

    /// <summary>
    /// Values no endpoint may store or choke on. None is text an endpoint could take (a plain string might be a valid
    /// customer name): the corpus must stay malformed for every endpoint, present and future, so nothing may be written.
    /// </summary>
    private static readonly string[] BadValues =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\"", "\"x\\ud83dy\"", "\"\\udc00\\ud800\"",
        "1e400", "-1e400", "123456789012345678901234567890123456789", "1.7976931348623157e309", "-0", "0.0000000000000000000001",
        "2147483648", "-2147483649", "9223372036854775808", "NaN", "Infinity", "true", "false", "null", "[]", "{}", "[null]",
        "\"\"", "\"   \"", "\"\\n\\r\\t\"", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"" + new string('x', 10_000) + "\"",
    ];

    public static IReadOnlyList<FuzzCase> Build(int count)
    {
        var random = new Random(Seed);
        var cases = new List<FuzzCase>(count);
        var fixedCases = FixedCases().ToList();
        for (var i = 0; i < count; i++)
            cases.Add(i < fixedCases.Count ? fixedCases[i] : Generated(random, i));
        return cases;
    }

    /// <summary>The shapes the probe found 500s with, and the classic ones, each sent once to every endpoint.</summary>
    private static IEnumerable<FuzzCase> FixedCases()
    {
        yield return Json("duplicate key", """{"a":1,"a":2}""");
        yield return Json("duplicate nested key", """{"customer":{"name":"a","name":"b"}}""");
        yield return Json("lone high surrogate", """{"name":"\ud800"}""");
        yield return Json("lone low surrogate key", """{"\udc00":1}""");
        yield return Json("nul", """{"description":"\u0000"}""");
        yield return Json("nul key", """{"a\u0000":1}""");
        yield return new FuzzCase("nul query", "?page=1&x=%00", null);
        yield return new FuzzCase("huge page", "?page=46000000&pageSize=500", null);
        yield return new FuzzCase("negative page", "?page=-1&pageSize=-1", null);
        yield return new FuzzCase("page overflow", "?page=99999999999999999999", null);
        yield return new FuzzCase("surrogate query", "?name=%ED%A0%80", null);
        yield return new FuzzCase("invalid utf-8 query", "?name=%C3%28%FF", null);
        yield return new FuzzCase("empty body", "", []);
        yield return Json("whitespace body", "  \r\n\t ");
        yield return Json("null body", "null");
        yield return Json("number body", "42");
        yield return Json("string body", "\"text\"");
        yield return Json("array body", "[1,2]");
        yield return Json("truncated", """{"kind":""");
        yield return Json("trailing comma", """{"kind":"complaint",}""");
        yield return Json("comment", """{/* c */"kind":"complaint"}""");
        yield return Json("single quotes", "{'kind':'complaint'}");
        yield return Json("deep array", new string('[', 100) + new string(']', 100));
        yield return Json("deep object", string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500));
        yield return Json("deep over a thousand", new string('[', 5000) + new string(']', 5000));
        yield return Json("huge string", "{\"description\":\"" + new string('x', 1_000_000) + "\"}");
        yield return Json("huge number", "{\"amount\":" + new string('9', 10_000) + "}");
        yield return Json("many keys", "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}");
        yield return new FuzzCase("invalid utf-8", "", [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        yield return new FuzzCase("overlong utf-8", "", [.. "{\"name\":\""u8, 0xC0, 0xAF, .. "\"}"u8]);
        yield return new FuzzCase("utf-8 surrogate", "", [.. "{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]);
        yield return new FuzzCase("raw nul byte", "", [.. "{\"name\":\"a"u8, 0x00, .. "\"}"u8]);
        yield return new FuzzCase("bom only", "", [0xEF, 0xBB, 0xBF]);
        yield return new FuzzCase("binary", "", [0xFF, 0xFE, 0x00, 0x01, 0x80, 0x90]);
    }

    /// <summary>An object of a few of the API's fields, at least one of them malformed, sometimes with a malformed query too.</summary>
    private static FuzzCase Generated(Random random, int index)
    {
        var parts = new List<string>();
        var fieldCount = random.Next(1, 6);
        var badAt = random.Next(fieldCount);
        for (var i = 0; i < fieldCount; i++)
        {
            var name = Fields[random.Next(Fields.Length)];
            var value = i == badAt ? BadValues[random.Next(BadValues.Length)] : PlainValue(random);
            // Nesting the bad value sometimes: customer.phone, form.x, input.y.
            if (random.Next(4) == 0) value = $"{{\"{Fields[random.Next(Fields.Length)]}\":{value}}}";
            parts.Add($"\"{name}\":{value}");
        }
        if (random.Next(5) == 0) parts.Add(parts[random.Next(parts.Count)]); // a key given twice
        var body = "{" + string.Join(",", parts) + "}";
        var query = random.Next(6) switch
        {
            0 => $"?page={random.NextInt64(int.MaxValue / 2, long.MaxValue)}",
            1 => $"?pageSize={random.Next(int.MinValue, 0)}",
            2 => "?status=%00&kind=%ED%A0%80",
            _ => "",
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        // One in ten bodies is cut short, one in ten gets a byte that is not UTF-8.
        if (random.Next(10) == 0) bytes = bytes[..random.Next(1, bytes.Length)];
        else if (random.Next(10) == 0) bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
        return new FuzzCase($"generated {index}", query, bytes);
    }

    /// <summary>A number: fine for some fields, never for the text every write needs (a name, a kind, a definition id).</summary>
    private static string PlainValue(Random random) => random.Next(-5, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FuzzCase Json(string name, string json) => new(name, "", Encoding.UTF8.GetBytes(json));
}
