using System.Text.RegularExpressions;
using AfterSales.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AfterSales.Host.Tests.Architecture;

/// <summary>
/// Every table belongs to Persistence, and every SQL statement lives beside its table (issue 8): the projects outside
/// it hold no SQL in their string literals and use neither a DbContext nor Npgsql's commands. A finding names
/// file:line. Comments are not read (the C# parser skips them), so a comment may still say "select … for update skip
/// locked".
/// </summary>
public sealed partial class SqlOnlyInPersistenceTests
{
    /// <summary>The projects under src/ that must call Persistence's services instead.</summary>
    private static readonly string[] Guarded = ["Host", "Activities", "Workflows", "Cases"];

    /// <summary>
    /// Names that mean "talks to the database itself": Npgsql's commands and the advisory-lock helpers (each runs SQL
    /// on the caller's connection); a name containing DbContext counts too.
    /// </summary>
    private static readonly HashSet<string> DataAccessTypes = new(
        ["NpgsqlCommand", "NpgsqlBatch", "NpgsqlBatchCommand", "AdvisoryLocks", "AdvisoryLockKey"],
        StringComparer.Ordinal);

    [Fact]
    public void GuardedProjects_HoldNoSqlAndNoDataAccess()
    {
        var root = RepositoryFolders.Root.FullName;
        var findings = Guarded
            .Select(project => Path.Combine(root, "src", project))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => Scan(Path.GetRelativePath(root, file), File.ReadAllText(file)))
            .ToList();

        Assert.True(findings.Count == 0,
            "SQL and data access belong in src/Persistence, beside their table; call a Persistence service instead:\n"
            + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("const string Sql = \"select id from aftersales.cases where id = $1\";")]
    [InlineData("const string Sql = \"\"\"\n    update aftersales.follow_ups set status = 'done'\n"
        + "    where id = $1\n    \"\"\";")]
    [InlineData("const string Sql = @\"insert into aftersales.users (user_name) values ($1)\";")]
    [InlineData("string Sql(long id) => $\"delete from aftersales.tasks where id = {id}\";")]
    [InlineData("const string Sql = \"select pg_try_advisory_lock($1)\";")]
    [InlineData("const string Sql = \"select 1\";")]
    [InlineData("const string Sql = \"set tcp_keepalives_idle = 10; set tcp_keepalives_count = 4\";")]
    [InlineData("const string Sql = \"insert into t (k) values ($1) on conflict (k) do nothing\";")]
    public void Scan_FindsSqlInAStringLiteral(string member)
    {
        var finding = Assert.Single(Scan("src/Host/Sample.cs", Wrap(member)));

        Assert.StartsWith("src/Host/Sample.cs:5: SQL in a string literal", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task Run(IDbContextFactory<AfterSalesDbContext> db) => Task.CompletedTask;", "AfterSalesDbContext")]
    [InlineData("void Run(NpgsqlConnection c) { using var command = new NpgsqlCommand(Text, c); }", "NpgsqlCommand")]
    [InlineData("Task Run(NpgsqlConnection c) => c.LockAsync(AdvisoryLockKey.UserSeed);", "AdvisoryLockKey")]
    public void Scan_FindsDataAccessTypes(string member, string type)
    {
        Assert.Contains(Scan("src/Host/Sample.cs", Wrap(member)),
            f => f.StartsWith("src/Host/Sample.cs:5: ", StringComparison.Ordinal)
                && f.Contains(type, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("const string Help = \"Select a role from the list, then update the form and set it free\";")]
    [InlineData("// select id from aftersales.cases where id = $1 (a comment, not code)\nconst int X = 1;")]
    [InlineData("const string Text = \"Delete the draft? The case is updated when you insert a row.\";")]
    public void Scan_IgnoresProseAndComments(string member)
    {
        Assert.Empty(Scan("src/Host/Sample.cs", Wrap(member)));
    }

    /// <summary>The findings of one source file: <c>path:line: what</c>.</summary>
    internal static IEnumerable<string> Scan(string path, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: path);
        var rootNode = tree.GetRoot();
        foreach (var token in rootNode.DescendantTokens())
        {
            var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            if (token.IsKind(SyntaxKind.IdentifierToken)
                && (token.ValueText.Contains("DbContext", StringComparison.Ordinal)
                    || DataAccessTypes.Contains(token.ValueText)))
                yield return $"{path}:{line}: uses {token.ValueText}";
        }
        foreach (var literal in StringLiterals(rootNode))
        {
            if (!LooksLikeSql(literal.Text)) continue;
            var line = literal.Node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return $"{path}:{line}: SQL in a string literal: {Abbreviate(literal.Text)}";
        }
    }

    /// <summary>
    /// String literals of every kind (regular, verbatim, raw, UTF-8), interpolated ones with their holes left out.
    /// </summary>
    private static IEnumerable<(SyntaxNode Node, string Text)> StringLiterals(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is LiteralExpressionSyntax literal
                && (literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)))
                yield return (node, literal.Token.ValueText);
            else if (node is InterpolatedStringExpressionSyntax interpolated)
                yield return (node, string.Concat(interpolated.Contents.Select(c =>
                    c is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : " x ")));
        }
    }

    internal static bool LooksLikeSql(string text) => SqlPattern().IsMatch(text);

    private static string Abbreviate(string text)
    {
        var flat = WhiteSpace().Replace(text, " ").Trim();
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules");
    }

    private static string Wrap(string member) =>
        $"namespace AfterSales.Host;\n\ninternal sealed class Sample\n{{\n{member}\n}}\n";

    // Statements, not words: prose says "select a role from the list" but not "select … from schema.table", "select …
    // where … = $1", "insert into t (", "update t set c =", "delete from t", "on conflict", "pg_…(", "set x = 1;" or
    // DDL.
    [GeneratedRegex("""
        \bselect\s+(\d+|\*|pg_\w+|count\s*\()
        | \bselect\b[\s\S]*?\bfrom\s+"?\w+"?\.\w+
        | \bselect\b[\s\S]*?\bfrom\s+\w+[\s\S]*?\bwhere\b[\s\S]*?(=|<|>|\bis\b|\bin\b)\s*(\$\d|'|\(|null\b)
        | \binsert\s+into\s+[\w."]+\s*\(
        | \bupdate\s+[\w."]+(\s+\w+)?\s+set\s+\w+\s*=
        | \bdelete\s+from\s+[\w."]+(\s+where\b|\s*$)
        | \bon\s+conflict\b
        | \bpg_\w+\s*\(
        | \bset\s+\w+\s*(=|\bto\b)\s*[\w']+\s*;
        | \b(create|alter|drop)\s+(table|index|schema|database|extension)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex SqlPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
