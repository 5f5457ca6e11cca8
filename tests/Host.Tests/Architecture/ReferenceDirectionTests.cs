using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace AfterSales.Host.Tests.Architecture;

/// <summary>
/// Dependencies point inward: Host → Activities → Workflows ← Persistence. Today every wrong-way reference would close
/// a cycle and fail the build, but that stops being true as projects are split (a src/Cases beside Workflows), so the
/// rules are checked here twice: in the project files (what a newcomer edits) and in the built assemblies (what a
/// HintPath or a package could also bring in; the compiler drops references nothing uses, hence the project files too).
/// </summary>
public sealed class ReferenceDirectionTests
{
    private const string AssemblyPrefix = "AfterSales.";
    private const string AnyOfOurs = "*";

    /// <summary>A project under src/ → the projects of ours it must not use; one not on disk is skipped.</summary>
    private static readonly Dictionary<string, string[]> MustNotReference = new(StringComparer.Ordinal)
    {
        // The engine declares the small interfaces it needs (store, scheduler, clock); outer projects implement them.
        ["Workflows"] = [AnyOfOurs],
        ["Activities"] = ["Host"],
        ["Persistence"] = ["Host"],
        // The case domain (issue 8), once it has a project: it builds on the engine only.
        ["Cases"] = ["Persistence", "Host"],
    };

    public static TheoryData<string> Projects()
    {
        var projects = new TheoryData<string>();
        foreach (var project in MustNotReference.Keys.Where(p => File.Exists(ProjectFile(p)))) projects.Add(project);
        return projects;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_DoesNotReferenceAProjectFurtherOut(string project)
    {
        var references = XDocument.Load(ProjectFile(project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')));

        AssertInward(project, references, "src/" + project + "/" + project + ".csproj");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Assembly_DoesNotReferenceAnAssemblyFurtherOut(string project)
    {
        var dll = BuiltAssembly(project);
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .Where(name => name.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
            .Select(name => name[AssemblyPrefix.Length..]);

        AssertInward(project, references, dll);
    }

    private static void AssertInward(string project, IEnumerable<string> references, string where)
    {
        var forbidden = MustNotReference[project];
        var wrong = references.Where(r => r != project && (forbidden.Contains(AnyOfOurs) || forbidden.Contains(r)))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0,
            $"{project} references {string.Join(", ", wrong)} ({where}); dependencies point inward: " +
            "Host → Activities → Workflows ← Persistence");
    }

    private static string ProjectFile(string project) =>
        Path.Combine(RepositoryRoot.FullName, "src", project, project + ".csproj");

    /// <summary>
    /// The project's own build output in the configuration these tests were built in (a project the Host does not use
    /// is not copied into this test's output).
    /// </summary>
    private static string BuiltAssembly(string project)
    {
        // …/bin/Release/net10.0
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryRoot.FullName, "src", project, "bin", testOutput.Parent!.Name, testOutput.Name,
            AssemblyPrefix + project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        return dll;
    }

    /// <summary>The folder holding AfterSales.sln, found upwards from the test's output.</summary>
    internal static DirectoryInfo RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln"))) return dir;
            throw new InvalidOperationException($"AfterSales.sln was not found above {AppContext.BaseDirectory}.");
        }
    }
}
