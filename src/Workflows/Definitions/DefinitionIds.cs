using System.Text.RegularExpressions;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// What a definition id may be: lower-case letters, digits, <c>_</c> and <c>-</c>, starting with a letter or digit, at most
/// <see cref="MaxLength"/> characters (<c>complaint</c>, <c>sla_first_response</c>). Ids end up in URLs, headers, file names
/// and log lines, so they are short and plain; every endpoint taking one checks it before using it.
/// </summary>
public static partial class DefinitionIds
{
    public const int MaxLength = 100;

    /// <summary>Null when <paramref name="id"/> is a valid definition id, else the problem.</summary>
    public static string? Check(string? id) => id switch
    {
        null or "" => "is required",
        { Length: > MaxLength } => $"is {id.Length} characters long: at most {MaxLength}",
        _ when !Pattern().IsMatch(id) => "may hold only lower-case letters, digits, '_' and '-', and starts with a letter or digit",
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex Pattern();
}
